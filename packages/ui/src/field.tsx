import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { cn } from "./cn.ts";

type FieldLabels = { label: string; error?: string | null; hint?: string };
export type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & FieldLabels;
export type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & FieldLabels;

const CONTROL = "rounded-xl border text-base outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100";

function describedBy(id: string, error: string | null | undefined, hint: string | undefined): string | undefined {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

function FieldNotes({ id, error, hint }: { id: string; error?: string | null; hint?: string }) {
  return (
    <>
      {hint ? <p id={`${id}-hint`} className="text-xs text-muted">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="text-sm text-sale">{error}</p> : null}
    </>
  );
}

/** A labelled input whose error is announced and tied to it for screen readers. */
export function TextField({ label, error, hint, className, id, ...props }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={inputId} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, error, hint)}
        className={cn(CONTROL, "min-h-11 px-3", error ? "border-sale" : "border-gray-300")}
        {...props}
      />
      <FieldNotes id={inputId} error={error} hint={hint} />
    </div>
  );
}

/** The multi-line TextField. */
export function TextAreaField({ label, error, hint, className, id, rows = 4, ...props }: TextAreaFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={inputId} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={inputId}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, error, hint)}
        className={cn(CONTROL, "px-3 py-2", error ? "border-sale" : "border-gray-300")}
        {...props}
      />
      <FieldNotes id={inputId} error={error} hint={hint} />
    </div>
  );
}
