import { useId, type InputHTMLAttributes } from "react";
import { cn } from "./cn.ts";

export type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string | null; hint?: string };

/** A labelled input whose error is announced and tied to it for screen readers. */
export function TextField({ label, error, hint, className, id, ...props }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const describedBy = [error ? `${inputId}-error` : null, hint ? `${inputId}-hint` : null].filter(Boolean).join(" ");
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={inputId} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={cn(
          "min-h-11 rounded-xl border px-3 text-base outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100",
          error ? "border-sale" : "border-gray-300",
        )}
        {...props}
      />
      {hint ? <p id={`${inputId}-hint`} className="text-xs text-muted">{hint}</p> : null}
      {error ? <p id={`${inputId}-error`} className="text-sm text-sale">{error}</p> : null}
    </div>
  );
}
