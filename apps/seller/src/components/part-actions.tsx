"use client";
// The next shipping step of one parcel from the seller's own warehouse: pack it, ship it with its
// tracking number, or confirm delivery. The server refuses anything that is not a step forwards.
import { Button, TextField } from "@market/ui";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

type Status = "NEW" | "ACCEPTED" | "PICKING" | "PACKED" | "SHIPPED" | "READY_FOR_PICKUP" | "DELIVERED" | "AWAITING_PAYMENT" | "CANCELLED" | "RETURNED";

export function PartActions({ orderPartId, status }: { orderPartId: string; status: Status }) {
  const trpc = useTRPC();
  const router = useRouter();
  const done = { onSuccess: () => router.refresh() };
  const packed = useMutation(trpc.sellerOrders.markPacked.mutationOptions(done));
  const shipped = useMutation(trpc.sellerOrders.markShipped.mutationOptions(done));
  const delivered = useMutation(trpc.sellerOrders.markDelivered.mutationOptions(done));
  const [tracking, setTracking] = useState("");
  const failed = packed.error ?? shipped.error ?? delivered.error;
  const failure = failed ? describeError(failed) : null;

  return (
    <div className="flex flex-col gap-2 print:hidden">
      {status === "NEW" || status === "ACCEPTED" || status === "PICKING" ? (
        <Button type="button" busy={packed.isPending} onClick={() => packed.mutate({ orderPartId })} className="self-start">
          Mark packed
        </Button>
      ) : null}
      {status === "PACKED" ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            // The browser checks length first; the server's schema has the last word (field errors).
            event.preventDefault();
            shipped.mutate({ orderPartId, trackingNumber: tracking });
          }}
        >
          <TextField
            label="Tracking number"
            name="trackingNumber"
            autoComplete="off"
            required
            minLength={3}
            hint="From the carrier's receipt, 3 to 64 characters."
            maxLength={64}
            value={tracking}
            onChange={(event) => setTracking(event.target.value)}
            error={failure?.fields.trackingNumber ?? null}
            className="min-w-56 flex-1"
          />
          <Button type="submit" busy={shipped.isPending}>Mark shipped</Button>
        </form>
      ) : null}
      {status === "SHIPPED" || status === "READY_FOR_PICKUP" ? (
        <Button type="button" busy={delivered.isPending} onClick={() => delivered.mutate({ orderPartId })} className="self-start">
          Mark delivered
        </Button>
      ) : null}
      {failure && !failure.fields.trackingNumber ? <p role="alert" className="text-sm text-red-700">{failure.message}</p> : null}
    </div>
  );
}
