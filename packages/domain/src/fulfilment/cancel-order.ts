// The shopper cancels an order. Unpaid: the payment is stopped at the provider and the reservation
// released (checkout's cancelUnpaidOrder). Paid: possible until any parcel leaves the warehouse;
// in one transaction every part is cancelled through the fulfilment state machine, the sold units
// go back on sale, and the outbox tells the warehouse (OrderCancelled) and the payments side
// (PaymentRefundRequired: the money goes back). Cancelling a cancelled order changes nothing.
import { FulfilmentEventSource, FulfilmentStatus, getPrisma, OrderStatus, PaymentStatus, Prisma, ReservationStatus } from "@market/db";
import { z } from "zod";
import { cancelUnpaidOrder } from "../checkout/index.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { getOrder, orderNumberInput, type OrderDetail } from "../orders/index.ts";
import { writeOutboxEvent } from "../outbox/index.ts";
import { cancelPaymentAtProvider } from "../payments/index.ts";
import { enqueueSearchSync } from "../search/index.ts";
import { isCancellable, lockedPartsQuery, progressOf, writeFulfilmentUpdate, type LockedPart } from "./apply-fulfilment-update.ts";
import { processLogger } from "@market/observability/log";

export const cancelOrderInput = orderNumberInput.extend({
  reason: z.string().trim().max(500, "Keep the reason under 500 characters").optional(),
});
export type CancelOrderInput = z.input<typeof cancelOrderInput>;

export const SHIPPED_CONFLICT = "Part of this order has already been shipped; you can return it once it is delivered.";
const NOT_FOUND = "We could not find this order in your account.";

/** What the shopper (and the warehouse, in OrderCancelled) is told about why the order ended. */
const cancelReasonText = (reason: string | undefined) => (reason ? `You cancelled this order: ${reason}` : "You cancelled this order.");

/**
 * Whether the shopper may cancel an order in this state: unpaid, or paid with no parcel shipped
 * yet (parts the warehouse already cancelled are ignored). For the order page's button; the
 * cancellation itself checks again under lock.
 */
export function canShopperCancel(order: { status: OrderStatus | OrderDetail["status"]; parts: readonly { status: FulfilmentStatus }[] }): boolean {
  if (order.status === OrderStatus.PENDING_PAYMENT || order.status === "awaiting-payment") return true;
  const paid = order.status === OrderStatus.PAID || ["paid", "being-prepared", "packed"].includes(order.status);
  if (!paid) return false;
  const live = order.parts.filter((part) => part.status !== FulfilmentStatus.CANCELLED);
  return live.length > 0 && live.every((part) => isCancellable(part.status));
}

type Options = { requestId?: string | null; now?: Date };

export async function cancelOrder(userId: string, input: CancelOrderInput, { requestId = null, now = new Date() }: Options = {}): Promise<OrderDetail> {
  const { number, reason: shopperReason } = cancelOrderInput.parse(input);
  const prisma = getPrisma();
  const order = await prisma.order.findUnique({ where: { number }, select: { id: true, userId: true, status: true } });
  if (!order || order.userId !== userId) throw new AppError("NOT_FOUND", NOT_FOUND);
  const reason = cancelReasonText(shopperReason || undefined);

  if (order.status === OrderStatus.PENDING_PAYMENT) {
    // Stop the payment first, so it cannot complete after the stock is released. If it already
    // succeeded, that is applied now and the order is cancelled as a paid one below. If the
    // provider cannot be reached the order is cancelled anyway: a payment that still arrives
    // finds the order cancelled and is refunded (PaymentRefundRequired in applyPaymentIntent).
    const atProvider = await cancelPaymentAtProvider(order.id, { requestId }).catch((error: unknown) => {
      processLogger().warn({ orderId: order.id, requestId, error: error instanceof Error ? error.message : String(error) }, "cancel order: could not cancel the payment at the provider");
      return "unreachable" as const;
    });
    if (atProvider !== "succeeded") {
      await prisma.$transaction((tx) => cancelUnpaidOrder(tx, { orderId: order.id, reason, requestId, now }));
    }
  }
  await prisma.$transaction((tx) => cancelPaidOrder(tx, { orderId: order.id, reason, requestId, now }), { maxWait: 10_000, timeout: 20_000 });
  return getOrder(userId, { number });
}

/**
 * PAID → CANCELLED in the caller's transaction; a no-op for an order already cancelled. Throws
 * CONFLICT if a parcel has left the warehouse (or the order is delivered).
 */
export async function cancelPaidOrder(tx: Db, { orderId, reason, requestId = null, now = new Date() }: { orderId: string; reason: string; requestId?: string | null; now?: Date }): Promise<"cancelled" | "already-cancelled"> {
  const [order] = await tx.$queryRaw<{ id: string; number: string; status: OrderStatus }[]>`
    SELECT id, number, status FROM "Order" WHERE id = ${orderId}::uuid FOR UPDATE`;
  if (!order) throw new AppError("NOT_FOUND", NOT_FOUND);
  if (order.status === OrderStatus.CANCELLED) return "already-cancelled";
  if (order.status === OrderStatus.PENDING_PAYMENT) throw new AppError("CONFLICT", "This order is waiting for its payment. Please try again in a moment.");
  if (order.status !== OrderStatus.PAID) throw new AppError("CONFLICT", "This order has been delivered. You can return items from it instead.");

  // The parts locked as every status writer locks them (lockedPartsQuery), so a warehouse report
  // racing this waits for it, or this sees the report's outcome.
  const parts = await tx.$queryRaw<LockedPart[]>(lockedPartsQuery(Prisma.sql`SELECT id FROM "OrderPart" WHERE "orderId" = ${orderId}::uuid`));
  const toCancel = parts.filter((part) => part.status !== FulfilmentStatus.CANCELLED);
  if (toCancel.some((part) => progressOf(part.status) >= progressOf(FulfilmentStatus.SHIPPED) || part.status === FulfilmentStatus.RETURNED)) {
    throw new AppError("CONFLICT", SHIPPED_CONFLICT);
  }
  if (toCancel.some((part) => !isCancellable(part.status))) throw new AppError("CONFLICT", "This order can no longer be cancelled.");

  for (const part of toCancel) {
    const outcome = await writeFulfilmentUpdate(tx, part, { status: FulfilmentStatus.CANCELLED, occurredAt: now, source: FulfilmentEventSource.SYSTEM, requestId });
    if (!outcome.applied) throw new AppError("CONFLICT", SHIPPED_CONFLICT);
  }
  await restockSoldUnits(tx, orderId, toCancel.map((part) => part.id));
  await tx.order.update({ where: { id: orderId }, data: { status: OrderStatus.CANCELLED, cancelledAt: now, cancelReason: reason } });
  await writeOutboxEvent(tx, { type: "OrderCancelled", aggregateType: "Order", aggregateId: orderId, payload: { orderId, number: order.number, reason }, requestId });

  const payment = await tx.payment.findFirst({
    where: { orderId, status: { in: [PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED] } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  if (payment) {
    await writeOutboxEvent(tx, {
      type: "PaymentRefundRequired",
      aggregateType: "Payment",
      aggregateId: payment.id,
      payload: { paymentId: payment.id, orderId, reason: "The shopper cancelled the order before it was shipped." },
      requestId,
    });
  } else {
    // A paid order always has its payment; an operator has to look at one that does not.
    processLogger().error({ orderId, requestId }, "cancel order: paid order without a succeeded payment, nothing refunded");
  }
  return "cancelled";
}

/**
 * The units these parts sold are still in the warehouse (nothing was shipped): they go back on
 * sale. The order's CONSUMED reservations say where and how many; each becomes RELEASED in the
 * same statement, so a unit is never put back twice. Parts cancelled earlier (by the warehouse)
 * are left out: their units may be missing, which is why the warehouse cancelled.
 */
export async function restockSoldUnits(tx: Db, orderId: string, partIds: string[]): Promise<void> {
  if (partIds.length === 0) return;
  const rows = await tx.$queryRaw<{ variantId: string; quantity: number }[]>(Prisma.sql`
    WITH given_back AS (
      UPDATE "Reservation" r SET status = ${ReservationStatus.RELEASED}::"ReservationStatus", "updatedAt" = now()
        FROM "OrderLine" l
       WHERE r."orderId" = ${orderId}::uuid AND r.status = ${ReservationStatus.CONSUMED}::"ReservationStatus"
         AND l.id = r."orderLineId" AND l."orderPartId" = ANY(${partIds}::uuid[])
      RETURNING r."variantId", r."warehouseId", r.quantity
    ), per_row AS (
      SELECT "variantId", "warehouseId", sum(quantity)::int AS quantity FROM given_back GROUP BY 1, 2
    )
    UPDATE "Stock" s SET "onHand" = s."onHand" + per_row.quantity, "updatedAt" = now()
      FROM per_row
     WHERE s."variantId" = per_row."variantId" AND s."warehouseId" = per_row."warehouseId"
    RETURNING s."variantId", per_row.quantity`);
  if (rows.length === 0) return;
  // Paying counted the units as sold (markOrderPaid); they were not.
  await tx.$executeRaw`
    UPDATE "Product" p SET "soldCount" = GREATEST(0, p."soldCount" - unsold.quantity)
      FROM (SELECT v."productId", sum(x.quantity)::int AS quantity
              FROM unnest(${rows.map((r) => r.variantId)}::uuid[], ${rows.map((r) => r.quantity)}::int[]) AS x("variantId", quantity)
              JOIN "ProductVariant" v ON v.id = x."variantId" GROUP BY 1) unsold
     WHERE p.id = unsold."productId"`;
  const variants = await tx.productVariant.findMany({ where: { id: { in: rows.map((row) => row.variantId) } }, select: { productId: true } });
  await enqueueSearchSync(tx, variants.map((variant) => variant.productId));
}
