"use client";
// "Revoke" with a confirmation (a modal <dialog>: focus stays inside, Escape closes). Scripts using
// the key stop working at once, so the dialog says so before anything happens.
import { Button } from "@market/ui";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef } from "react";

export function RevokeApiKeyButton({ sellerId, keyId, name }: { sellerId: string; keyId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: () => {
        dialog.current?.close();
        router.refresh();
      },
    }),
  );

  return (
    <>
      <Button type="button" variant="secondary" aria-label={`Revoke ${name}`} onClick={() => dialog.current?.showModal()}>
        Revoke
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-2xl p-0 shadow-xl backdrop:bg-black/40"
        onClose={() => revoke.reset()}
      >
        <div className="flex flex-col gap-4 p-5">
          <h2 id={titleId} className="text-lg font-bold">Revoke “{name}”?</h2>
          <p id={bodyId} className="text-sm">Scripts using this key will be refused from now on. This cannot be undone; you can create a new key instead.</p>
          {revoke.error ? <p role="alert" className="text-sm text-sale">{describeError(revoke.error).message}</p> : null}
          <div className="flex flex-wrap justify-end gap-2">
            <Button type="button" variant="ghost" onClick={() => dialog.current?.close()}>Keep key</Button>
            <Button type="button" variant="danger" busy={revoke.isPending} onClick={() => revoke.mutate({ sellerId, keyId })}>
              Revoke key
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
