"use client";
// The seller cancels their parcel before it ships (they cannot supply it): the shopper is told and
// refunded this parcel's price, the units go back on sale. Asks for a reason and a second click,
// since it cannot be undone. The same domain service answers POST /api/seller/v1/orders/{id}/cancel.
import { Button, TextAreaField } from "@market/ui";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

export function CancelPartButton({ orderPartId }: { orderPartId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const cancel = useMutation(trpc.sellerOrders.cancel.mutationOptions({ onSuccess: () => router.refresh() }));
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const failure = cancel.error ? describeError(cancel.error) : null;
  const fieldError = failure?.fields.reason ?? null;

  if (!open) {
    return (
      <Button type="button" variant="secondary" className="self-start" onClick={() => setOpen(true)}>
        Cancel this parcel
      </Button>
    );
  }
  return (
    <form
      className="flex flex-col gap-3"
      aria-label="Cancel this parcel"
      onSubmit={(event) => {
        // The browser checks the reason is there first; the server's schema has the last word.
        event.preventDefault();
        cancel.mutate({ orderPartId, reason });
      }}
    >
      <p role="note" className="text-sm">
        The shopper will be told and refunded this parcel&apos;s price, and the units go back on sale. This cannot be undone.
      </p>
      <TextAreaField
        label="Reason for cancelling"
        value={reason}
        rows={2}
        required
        maxLength={500}
        hint="Kept with the refund, and shown to the shopper if this ends their whole order. Up to 500 characters."
        error={fieldError}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" busy={cancel.isPending}>Cancel parcel and refund</Button>
        <Button type="button" variant="ghost" disabled={cancel.isPending} onClick={() => { setOpen(false); cancel.reset(); }}>
          Keep the order
        </Button>
      </div>
      {failure && !fieldError ? <p role="alert" className="text-sm text-red-700">{failure.message}</p> : null}
    </form>
  );
}
