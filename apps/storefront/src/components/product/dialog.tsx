"use client";
// A modal dialog opened by a button: the native <dialog> (focus moves in and is kept there,
// Escape closes it, the page behind is inert), named by its heading.
import { createContext, useCallback, useContext, useId, useRef, useState, type ReactNode } from "react";
import { useT } from "@market/web/i18n/client";

const DialogContext = createContext<{ open: boolean; close: () => void }>({ open: false, close: () => undefined });

/** For content inside a dialog: whether it is open (to load data only then) and a way to close it. */
export function useDialog() {
  return useContext(DialogContext);
}

export function DialogButton({
  label,
  title,
  children,
  className = "text-sm font-medium text-brand-600 underline underline-offset-2",
}: {
  label: ReactNode;
  title: string;
  children: ReactNode;
  className?: string;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => ref.current?.close(), []);
  return (
    <>
      <button type="button" className={className} aria-haspopup="dialog" onClick={() => { ref.current?.showModal(); setOpen(true); }}>
        {label}
      </button>
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        // A click on the backdrop (the dialog element itself, outside its panel) closes it.
        onClick={(event) => { if (event.target === ref.current) close(); }}
        className="m-auto w-[calc(100%-1.5rem)] max-w-lg rounded-2xl bg-white p-0 text-ink shadow-xl backdrop:bg-black/50"
      >
        <div className="flex items-center justify-between gap-4 border-b border-gray-100 px-4 py-3">
          <h2 id={titleId} className="text-lg font-bold">{title}</h2>
          <button type="button" onClick={close} aria-label={t("common.close")} className="grid size-10 place-items-center rounded-full text-2xl leading-none hover:bg-gray-100">
            <span aria-hidden>×</span>
          </button>
        </div>
        <div className="max-h-[70dvh] overflow-y-auto px-4 py-4">
          <DialogContext.Provider value={{ open, close }}>{children}</DialogContext.Provider>
        </div>
      </dialog>
    </>
  );
}
