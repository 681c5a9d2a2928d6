// The consumer of ReturnRefundRequired: a seller accepted a return, so the returned items' price
// goes back to the shopper. Idempotent like refundUnfulfillablePayment: our Refund row and the
// provider call share the key `refund:return:<returnId>`, so a retried delivery neither refunds
// twice nor loses the refund. The return becomes REFUNDED once the provider says the refund
// succeeded; a refund still pending there is asked about again on the next retry.
import { getPrisma, RefundStatus, ReturnStatus } from "@market/db";
import type Stripe from "stripe";
import type { Db } from "../db.ts";
import type { OutboxHandler } from "../outbox/index.ts";
import { recordProviderRefund } from "./apply-provider-state.ts";
import { getStripe } from "./stripe-client.ts";

export const returnRefundKey = (returnRequestId: string) => `refund:return:${returnRequestId}`;

export type ReturnRefundOutcome = "refunded" | "already-refunded" | "not-accepted";

/** Thrown while the provider has not finished the refund, so the outbox retries later. */
export class RefundPendingError extends Error {}

export async function refundReturn({ returnRequestId, paymentId, amountMinor }: { returnRequestId: string; paymentId: string; amountMinor: number }): Promise<ReturnRefundOutcome> {
  const prisma = getPrisma();
  const request = await prisma.returnRequest.findUnique({ where: { id: returnRequestId }, select: { id: true, status: true } });
  if (!request || (request.status !== ReturnStatus.ACCEPTED && request.status !== ReturnStatus.REFUNDED)) return "not-accepted";
  if (request.status === ReturnStatus.REFUNDED) return "already-refunded";
  return refundThroughProvider({
    paymentId,
    key: returnRefundKey(returnRequestId),
    amountMinor,
    reason: `Return ${returnRequestId}`,
    metadata: { return_request_id: returnRequestId },
    onRow: (refundId) => prisma.returnRequest.updateMany({ where: { id: returnRequestId, refundId: null }, data: { refundId } }),
    onSucceeded: (tx) => tx.returnRequest.updateMany({ where: { id: returnRequestId, status: ReturnStatus.ACCEPTED }, data: { status: ReturnStatus.REFUNDED } }),
  });
}

/**
 * Pays out one partial refund, keyed by `key` both in our Refund table and at the provider, so a
 * retry neither refunds twice nor loses the refund (returns, a seller cancelling one parcel).
 * Throws RefundPendingError while the provider has not finished, so the outbox retries.
 */
export async function refundThroughProvider({
  paymentId,
  key,
  amountMinor,
  reason,
  metadata,
  onRow,
  onSucceeded,
}: {
  paymentId: string;
  key: string;
  amountMinor: number;
  reason: string;
  metadata: Record<string, string>;
  onRow?: (refundId: string) => Promise<unknown>;
  onSucceeded?: (tx: Db) => Promise<unknown>;
}): Promise<"refunded" | "already-refunded"> {
  const prisma = getPrisma();
  const payment = await prisma.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { id: true, orderId: true, providerPaymentId: true } });
  if (!payment.providerPaymentId) throw new Error(`refund ${key}: payment ${paymentId} has no provider payment to refund`);
  await prisma.refund.createMany({ data: [{ paymentId, idempotencyKey: key, amountMinor, reason }], skipDuplicates: true });
  const refund = await prisma.refund.findUniqueOrThrow({ where: { idempotencyKey: key } });
  await onRow?.(refund.id);

  let atProvider: Stripe.Refund;
  if (refund.providerRefundId) {
    // Created by an earlier attempt: ask how it went rather than replaying the creation.
    atProvider = await getStripe().refunds.retrieve(refund.providerRefundId);
  } else {
    atProvider = await getStripe().refunds.create(
      { payment_intent: payment.providerPaymentId, amount: refund.amountMinor, metadata: { refund_id: refund.id, payment_id: payment.id, order_id: payment.orderId, ...metadata } },
      { idempotencyKey: key },
    );
  }
  const alreadySucceeded = refund.status === RefundStatus.SUCCEEDED;
  await prisma.$transaction(async (tx) => {
    await recordProviderRefund(tx, payment.id, atProvider);
    if (atProvider.status === "succeeded") await onSucceeded?.(tx);
  });
  if (atProvider.status === "succeeded") return alreadySucceeded ? "already-refunded" : "refunded";
  if (atProvider.status === "failed" || atProvider.status === "canceled") {
    // Needs a person: the provider refused to pay this refund out.
    throw new Error(`refund ${key}: the provider reports refund ${atProvider.id} as ${atProvider.status}`);
  }
  throw new RefundPendingError(`refund ${key}: refund ${atProvider.id} is still ${atProvider.status ?? "pending"} at the provider`);
}

export const refundReturnHandler: OutboxHandler<"ReturnRefundRequired"> = {
  name: "returns.refund",
  async handle(event) {
    await refundReturn(event.payload);
  },
};

export const partRefundKey = (orderPartId: string) => `refund:part:${orderPartId}`;

/** The consumer of OrderPartRefundRequired: a seller cancelled one parcel before it shipped. */
export const refundOrderPartHandler: OutboxHandler<"OrderPartRefundRequired"> = {
  name: "payments.refund-part",
  async handle({ payload }) {
    await refundThroughProvider({
      paymentId: payload.paymentId,
      key: partRefundKey(payload.orderPartId),
      amountMinor: payload.amountMinor,
      reason: `Parcel cancelled by the seller: ${payload.reason}`.slice(0, 500),
      metadata: { order_part_id: payload.orderPartId },
    });
  },
};
