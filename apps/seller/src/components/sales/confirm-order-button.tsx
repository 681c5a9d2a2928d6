"use client";
// The seller-side status new -> confirmed: "I have seen this order and will fulfil it". The same
// domain service answers POST /api/seller/v1/orders/{id}/confirm.
import { Button } from "@market/ui";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

export function ConfirmOrderButton({ orderPartId }: { orderPartId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const confirm = useMutation(trpc.sellerOrders.confirm.mutationOptions({ onSuccess: () => router.refresh() }));

  return (
    <div className="flex flex-col gap-2 print:hidden">
      <Button type="button" busy={confirm.isPending} onClick={() => confirm.mutate({ orderPartId })} className="self-start">
        Confirm order
      </Button>
      {confirm.error ? <p role="alert" className="text-sm text-red-700">{describeError(confirm.error).message}</p> : null}
    </div>
  );
}
