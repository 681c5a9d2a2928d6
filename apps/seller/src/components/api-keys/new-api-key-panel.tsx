"use client";
// The one time a key is visible: copy it now, it is stored only as a hash.
import { Button } from "@market/ui";
import { useId, useRef, useState } from "react";

export function NewApiKeyPanel({ apiKey, name, onDone }: { apiKey: string; name: string; onDone: () => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (permissions, non-secure origin): select it for Ctrl+C instead.
      input.current?.select();
      setCopied("failed");
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3 rounded-2xl border border-amber-200 bg-amber-50 p-4 sm:p-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold">API key “{name}” created</h2>
      <p id={`${id}-warning`} className="text-sm font-medium text-amber-900">
        Copy this key now and store it somewhere safe. It will not be shown again: we keep only a fingerprint of it.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor={`${id}-key`} className="text-sm font-medium">Your new API key</label>
          <input
            ref={input}
            id={`${id}-key`}
            readOnly
            value={apiKey}
            aria-describedby={`${id}-warning`}
            onFocus={(event) => event.target.select()}
            className="min-h-11 w-full rounded-xl border border-gray-300 bg-white px-3 font-mono text-sm"
          />
        </div>
        <Button type="button" variant="secondary" onClick={copy}>Copy</Button>
      </div>
      <p role="status" className="text-sm">
        {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "Could not copy automatically; the key is selected, press Ctrl+C (⌘C on a Mac)." : ""}
      </p>
      <p className="text-sm">
        Use it as <code className="rounded bg-white px-1 font-mono">Authorization: Bearer &lt;key&gt;</code> when calling the Seller API.
      </p>
      <Button type="button" onClick={onDone} className="self-start">I have saved the key</Button>
    </section>
  );
}
