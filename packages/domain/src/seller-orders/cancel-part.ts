// A seller cancels their own parcel of a paid order before it ships (they cannot supply it). The
// rest of the order goes on. In one transaction the part is cancelled through the fulfilment
// state machine (the shopper is told, and a pick the warehouse accepted is cancelled there, by the
// OrderPartStatusChanged consumers), its sold units go back on sale, and the payments side is asked
// to refund exactly this parcel (OrderPartRefundRequired, key refund:part:<partId>, retried until
// the provider answers). When no parcel is left the order ends as the shopper's cancellation
// leaves it: CANCELLED, with OrderCancelled.
import { FulfilmentEventSource, FulfilmentStatus, getPrisma, OrderStatus, PaymentStatus, RefundStatus } from "@market/db";
import { processLogger } from "@market/observability/log";
import { z } from "zod";
import { AppError } from "../errors.ts";
import { applyFulfilmentUpdate, isCancellable, progressOf } from "../fulfilment/apply-fulfilment-update.ts";
import { restockSoldUnits } from "../fulfilment/cancel-order.ts";
import { writeOutboxEvent } from "../outbox/index.ts";
import { partRefundKey } from "../payments/refund-return.ts";
import type { SellerOrderAccess, SellerOrderActionResult } from "./actions.ts";
import { ORDER_NOT_FOUND, partScope } from "./scope.ts";

export const cancelOrderPartInput = z.strictObject({
  orderPartId: z.uuid("Unknown order"),
  reason: z.string().trim().min(1, "Tell the shopper why you are cancelling").max(500, "Keep the reason under 500 characters"),
});
export type CancelOrderPartInput = z.input<typeof cancelOrderPartInput>;

/** Why a part cannot be cancelled by its seller, in words for the seller; null if it can (or already is). */
export function cancelRefusal(part: { status: FulfilmentStatus }): string | null {
  if (part.status === FulfilmentStatus.CANCELLED) return null;
  if (part.status === FulfilmentStatus.AWAITING_PAYMENT) return "This order has not been paid yet.";
  if (progressOf(part.status) >= progressOf(FulfilmentStatus.SHIPPED) || part.status === FulfilmentStatus.RETURNED) {
    return "This parcel has already been shipped, so it can no longer be cancelled.";
  }
  if (!isCancellable(part.status)) return "This parcel can no longer be cancelled.";
  return null;
}

/**
 * The part's price less its share of the order's discount; the last parcel cancelled also carries
 * the delivery charge, which the shopper paid once per order.
 */
function refundAmount(order: { subtotalMinor: number; discountMinor: number; deliveryMinor: number }, partSubtotal: number, last: boolean): number {
  const discountShare = order.subtotalMinor > 0 ? Math.floor((order.discountMinor * partSubtotal) / order.subtotalMinor) : 0;
  return partSubtotal - discountShare + (last ? order.deliveryMinor : 0);
}

type Options = { requestId?: string | null; now?: Date };

export async function cancelOrderPart(access: SellerOrderAccess, input: CancelOrderPartInput, { requestId = null, now = new Date() }: Options = {}): Promise<SellerOrderActionResult> {
  const { orderPartId, reason } = cancelOrderPartInput.parse(input);
  const prisma = getPrisma();
  const scope = "userId" in access ? partScope({ userId: access.userId }, access.sellerId) : partScope({ sellerId: access.sellerId });
  return prisma.$transaction(
    async (tx) => {
      const own = await tx.orderPart.findFirst({ where: { AND: [{ id: orderPartId }, scope] }, select: { orderId: true } });
      if (!own) throw new AppError("NOT_FOUND", ORDER_NOT_FOUND);
      // The order first, then its parts by id, as cancelPaidOrder and the warehouse's reports lock them.
      const [order] = await tx.$queryRaw<{ id: string; number: string; status: OrderStatus; subtotalMinor: number; discountMinor: number; deliveryMinor: number }[]>`
        SELECT id, number, status, "subtotalMinor", "discountMinor", "deliveryMinor" FROM "Order" WHERE id = ${own.orderId}::uuid FOR UPDATE`;
      const parts = await tx.$queryRaw<{ id: string; status: FulfilmentStatus; subtotalMinor: number }[]>`
        SELECT id, status, "subtotalMinor" FROM "OrderPart" WHERE "orderId" = ${own.orderId}::uuid ORDER BY id FOR UPDATE`;
      const part = parts.find((p) => p.id === orderPartId)!;
      const refusal = cancelRefusal(part);
      if (refusal) throw new AppError("CONFLICT", refusal);
      if (part.status !== FulfilmentStatus.CANCELLED) {
        if (order!.status !== OrderStatus.PAID) throw new AppError("CONFLICT", "This order can no longer be cancelled.");
        const outcome = await applyFulfilmentUpdate(tx, { orderPartId, status: FulfilmentStatus.CANCELLED, occurredAt: now, source: FulfilmentEventSource.SELLER, requestId });
        if (!outcome.applied) throw new AppError("CONFLICT", "This parcel can no longer be cancelled.");
        await restockSoldUnits(tx, order!.id, [orderPartId]);

        const last = parts.every((p) => p.id === orderPartId || p.status === FulfilmentStatus.CANCELLED);
        const payment = await tx.payment.findFirst({
          where: { orderId: order!.id, status: { in: [PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED] } },
          orderBy: { createdAt: "desc" },
          select: { id: true, amountMinor: true, refundedMinor: true },
        });
        let amountMinor = 0;
        if (payment) {
          // Never more than is left of the payment, counting refunds already asked for but not yet
          // confirmed by the provider. The Refund row is written here, in the same transaction, so
          // a later full refund (the shopper cancelling the rest) sees this one as claimed.
          const claimed = await tx.refund.aggregate({ where: { paymentId: payment.id, status: { not: RefundStatus.FAILED } }, _sum: { amountMinor: true } });
          const left = payment.amountMinor - Math.max(payment.refundedMinor, claimed._sum.amountMinor ?? 0);
          amountMinor = Math.min(refundAmount(order!, part.subtotalMinor, last), left);
        }
        if (payment && amountMinor > 0) {
          await tx.refund.create({ data: { paymentId: payment.id, idempotencyKey: partRefundKey(orderPartId), amountMinor, reason: `Parcel cancelled by the seller: ${reason}` } });
          await writeOutboxEvent(tx, { type: "OrderPartRefundRequired", aggregateType: "Payment", aggregateId: payment.id, payload: { orderPartId, paymentId: payment.id, orderId: order!.id, amountMinor, reason }, requestId });
        } else if (!payment) {
          processLogger().error({ orderId: order!.id, orderPartId, requestId }, "cancel order part: paid order without a succeeded payment, nothing refunded");
        }
        if (last) {
          const why = `The seller cancelled this order: ${reason}`;
          await tx.order.update({ where: { id: order!.id }, data: { status: OrderStatus.CANCELLED, cancelledAt: now, cancelReason: why } });
          await writeOutboxEvent(tx, { type: "OrderCancelled", aggregateType: "Order", aggregateId: order!.id, payload: { orderId: order!.id, number: order!.number, reason: why }, requestId });
        }
        processLogger().info({ orderId: order!.id, orderPartId, requestId, amountMinor, orderCancelled: last }, "seller cancelled an order part");
      }
      return tx.orderPart.findUniqueOrThrow({ where: { id: orderPartId }, select: { id: true, sellerStatus: true, status: true, trackingNumber: true } });
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}
