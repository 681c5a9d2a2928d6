"use client";
// The shop logo: a preview, a file input labelled "Shop logo" and a remove button. The parent
// decides when the file is sent (at once in settings, after the shop exists in onboarding).
import { cn } from "@market/ui";
import { useId } from "react";
import { ACCEPT_ATTRIBUTE } from "./upload-image";

export type LogoPickerProps = {
  previewUrl: string | null;
  error: string | null;
  /** 0..1 while uploading; null otherwise. */
  progress: number | null;
  disabled?: boolean;
  onSelect(file: File): void;
  onRemove(): void;
};

export function LogoPicker({ previewUrl, error, progress, disabled = false, onSelect, onRemove }: LogoPickerProps) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-medium">Logo (optional)</legend>
      <div className="flex items-center gap-4">
        <div className="flex size-20 shrink-0 items-center justify-center overflow-hidden rounded-2xl border border-gray-200 bg-gray-50">
          {previewUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- a local preview or a stored upload
            <img src={previewUrl} alt="Shop logo preview" className="size-full object-contain" />
          ) : (
            <span aria-hidden className="text-xs text-muted">No logo</span>
          )}
        </div>
        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap gap-2">
            <label
              htmlFor={inputId}
              className={cn(
                "inline-flex min-h-11 cursor-pointer items-center rounded-xl border border-gray-300 bg-white px-4 text-sm font-semibold hover:bg-gray-50 has-[:focus-visible]:outline-2",
                disabled && "pointer-events-none opacity-50",
              )}
            >
              {previewUrl ? "Replace logo" : "Choose logo"}
              <input
                id={inputId}
                type="file"
                accept={ACCEPT_ATTRIBUTE}
                aria-label="Shop logo"
                aria-describedby={[error ? errorId : null, hintId].filter(Boolean).join(" ")}
                aria-invalid={error ? true : undefined}
                disabled={disabled}
                className="sr-only"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = "";
                  if (file) onSelect(file);
                }}
              />
            </label>
            {previewUrl ? (
              <button type="button" onClick={onRemove} disabled={disabled} className="min-h-11 rounded-xl px-3 text-sm text-sale hover:bg-rose-50">
                Remove logo
              </button>
            ) : null}
          </div>
          {progress !== null ? <progress aria-label="Uploading logo" max={1} value={progress} className="h-2 w-40 accent-brand-600" /> : null}
        </div>
      </div>
      <p id={hintId} className="text-xs text-muted">A square picture works best: JPEG, PNG, WebP or AVIF, at least 128×128 pixels, up to 10 MB.</p>
      {error ? <p id={errorId} role="alert" className="text-sm text-sale">{error}</p> : null}
    </fieldset>
  );
}
