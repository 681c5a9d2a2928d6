"use client";
// Accept (the shopper is refunded) or reject (with a reason the shopper sees) a return request.
import { Button } from "@market/ui";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

export function ReturnDecision({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const reasonId = useId();
  const done = { onSuccess: () => router.refresh() };
  const accept = useMutation(trpc.returns.accept.mutationOptions(done));
  const reject = useMutation(trpc.returns.reject.mutationOptions(done));
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const failed = accept.error ?? reject.error;
  const failure = failed ? describeError(failed) : null;
  const fieldError = failure?.fields.reason ?? null;

  return (
    <div className="flex flex-col gap-2">
      {rejecting ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            // The browser checks length first; the server's schema has the last word (field errors).
            event.preventDefault();
            reject.mutate({ id, reason });
          }}
        >
          <label htmlFor={reasonId} className="text-sm font-medium">Reason for rejecting</label>
          <textarea
            id={reasonId}
            value={reason}
            rows={2}
            required
            minLength={3}
            maxLength={500}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${reasonId}-error` : `${reasonId}-hint`}
            onChange={(event) => setReason(event.target.value)}
            className="rounded-xl border border-gray-300 px-3 py-2 text-base"
          />
          {fieldError ? (
            <p id={`${reasonId}-error`} className="text-sm text-red-700">{fieldError}</p>
          ) : (
            <p id={`${reasonId}-hint`} className="text-xs text-muted">The shopper sees this. 3 to 500 characters.</p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" busy={reject.isPending}>Reject return</Button>
            <Button type="button" variant="ghost" onClick={() => { setRejecting(false); reject.reset(); }}>Back</Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button type="button" busy={accept.isPending} onClick={() => accept.mutate({ id })}>Accept</Button>
          <Button type="button" variant="secondary" disabled={accept.isPending} onClick={() => setRejecting(true)}>Reject</Button>
        </div>
      )}
      {failure && !failure.fields.reason ? <p role="alert" className="text-sm text-red-700">{failure.message}</p> : null}
    </div>
  );
}
