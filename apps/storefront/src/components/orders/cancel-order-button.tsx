"use client";
// "Cancel order" with a confirmation dialog (a modal <dialog>: focus stays inside, Escape closes).
// After the cancellation the page is refreshed from the server, which shows the cancelled order.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Button } from "@market/ui";
import { useT } from "@market/web/i18n/client";
import { describeError, useTRPC } from "@market/web/trpc-client";

export function CancelOrderButton({ number, paid }: { number: string; paid: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const cancel = useMutation(
    trpc.orders.cancel.mutationOptions({
      onSuccess: () => {
        dialog.current?.close();
        router.refresh();
      },
    }),
  );

  return (
    <>
      <Button type="button" variant="secondary" onClick={() => dialog.current?.showModal()}>
        {t("orders.cancel.button")}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-2xl p-0 shadow-xl backdrop:bg-black/40"
        onClose={() => cancel.reset()}
      >
        <form
          method="dialog"
          className="flex flex-col gap-4 p-5"
          onSubmit={(event) => {
            event.preventDefault();
            cancel.mutate({ number, reason: reason.trim() || undefined });
          }}
        >
          <h2 id={titleId} className="text-lg font-bold">{t("orders.cancel.dialogTitle", { number })}</h2>
          <p id={bodyId} className="text-sm">{t(paid ? "orders.cancel.dialogBodyPaid" : "orders.cancel.dialogBodyUnpaid")}</p>
          <div className="flex flex-col gap-1">
            <label htmlFor={reasonId} className="text-sm font-medium">{t("orders.cancel.reasonLabel")}</label>
            <textarea
              id={reasonId}
              value={reason}
              maxLength={500}
              rows={2}
              aria-describedby={`${reasonId}-hint`}
              onChange={(event) => setReason(event.target.value)}
              className="rounded-xl border border-gray-300 px-3 py-2 text-base outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
            />
            <p id={`${reasonId}-hint`} className="text-xs text-muted">{t("orders.cancel.reasonHint")}</p>
          </div>
          {cancel.error ? <p role="alert" className="text-sm text-sale">{describeError(cancel.error).message}</p> : null}
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => dialog.current?.close()}>
              {t("orders.cancel.keep")}
            </Button>
            <Button type="submit" variant="danger" busy={cancel.isPending}>
              {t("orders.cancel.confirm")}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
