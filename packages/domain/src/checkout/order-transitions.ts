// The order's payment-side state changes, used by the payment webhook, reconciliation and the
// expiry job. Each locks the order row first, so concurrent callers (two webhook deliveries, a
// webhook racing the expiry job) are applied one after the other, and each is a no-op when the
// order has already moved on: no event ever moves an order backwards.
import { FulfilmentStatus, OrderStatus, Prisma, ReservationStatus, type Currency } from "@market/db";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { outboxEventInsert, writeOutboxEvent } from "../outbox/index.ts";
import { consumeReservationsCtes, releaseReservations } from "./reservations.ts";

export type LockedOrder = { id: string; number: string; status: OrderStatus; totalMinor: number; currency: Currency };

export async function lockOrder(tx: Db, orderId: string): Promise<LockedOrder> {
  const [order] = await tx.$queryRaw<LockedOrder[]>`SELECT id, number, status, "totalMinor", currency::text AS currency FROM "Order" WHERE id = ${orderId}::uuid FOR UPDATE`;
  if (!order) throw new AppError("NOT_FOUND", "This order does not exist.");
  return order;
}

/** The key of an order's expiry job (expire-order-job.ts), one per order. */
export const EXPIRY_KEY_PREFIX = "expire-order:";
export const expiryJobKey = (orderId: string) => `${EXPIRY_KEY_PREFIX}${orderId}`;

/** A recheck queued for a payment that was still processing has nothing left to do. */
async function forgetExpiryJob(tx: Db, orderId: string) {
  await tx.$executeRaw`SELECT graphile_worker.remove_job(${expiryJobKey(orderId)})`;
}

/**
 * The payment succeeded: PENDING_PAYMENT → PAID, the reserved units are sold, the seller parts
 * become NEW for fulfilment, and OrderPaid is written to the outbox, all in the caller's
 * transaction (the one that records the payment). "not-payable" means the order was cancelled
 * before the money arrived: the caller must refund it.
 *
 * `alsoWrite` is a statement of the caller's (the payment's own update) that must be written in
 * this transaction whatever the outcome: it runs as part of the paying statement when there is
 * one, on its own otherwise.
 */
export async function markOrderPaid(
  tx: Db,
  {
    orderId,
    paymentId,
    requestId,
    now = new Date(),
    locked,
    alsoWrite,
  }: {
    orderId: string;
    paymentId: string;
    requestId?: string | null;
    now?: Date;
    /** The order, when the caller has locked it already. */
    locked?: LockedOrder;
    alsoWrite?: Prisma.Sql;
  },
): Promise<"paid" | "already-paid" | "not-payable"> {
  const order = locked ?? (await lockOrder(tx, orderId));
  if (order.status !== OrderStatus.PENDING_PAYMENT) {
    if (alsoWrite) await tx.$executeRaw(alsoWrite);
    return order.status === OrderStatus.PAID || order.status === OrderStatus.COMPLETED ? "already-paid" : "not-payable";
  }

  // Reservations, stock, sold counts, the order, its parts and OrderPaid with its delivery job in
  // one statement: this runs on every paid order. No expiry job is waiting for it: the sweep only
  // queues one for orders still unpaid after their reservation.
  const event = outboxEventInsert({ type: "OrderPaid", aggregateType: "Order", aggregateId: orderId, payload: { orderId, number: order.number, paymentId }, requestId });
  await tx.$executeRaw`
    WITH ${consumeReservationsCtes(orderId)}, paid AS (
      UPDATE "Order" SET status = ${OrderStatus.PAID}::"OrderStatus", "paidAt" = ${now}, "updatedAt" = ${now} WHERE id = ${orderId}::uuid
    ), announced AS (
      ${event.insert}
    )${alsoWrite ? Prisma.sql`, also_written AS (${alsoWrite})` : Prisma.empty}
    UPDATE "OrderPart" SET status = ${FulfilmentStatus.NEW}::"FulfilmentStatus", "updatedAt" = ${now}
     WHERE "orderId" = ${orderId}::uuid AND status = ${FulfilmentStatus.AWAITING_PAYMENT}::"FulfilmentStatus"`;
  return "paid";
}

/** An unpaid order ends (expired, payment cancelled): stock goes back on sale. */
export async function cancelUnpaidOrder(
  tx: Db,
  { orderId, reason, requestId, now = new Date() }: { orderId: string; reason: string; requestId?: string | null; now?: Date },
): Promise<"cancelled" | "not-pending"> {
  const order = await lockOrder(tx, orderId);
  if (order.status !== OrderStatus.PENDING_PAYMENT) return "not-pending";

  await releaseReservations(tx, orderId);
  await tx.order.update({ where: { id: orderId }, data: { status: OrderStatus.CANCELLED, cancelledAt: now, cancelReason: reason } });
  await tx.orderPart.updateMany({ where: { orderId }, data: { status: FulfilmentStatus.CANCELLED, sellerStatus: "CANCELLED" } });
  await forgetExpiryJob(tx, orderId);
  await writeOutboxEvent(tx, { type: "OrderCancelled", aggregateType: "Order", aggregateId: orderId, payload: { orderId, number: order.number, reason }, requestId });
  return "cancelled";
}

/** Units still held for the order (for tests and operators). */
export async function activeReservationUnits(tx: Db, orderId: string): Promise<number> {
  const sum = await tx.reservation.aggregate({ where: { orderId, status: ReservationStatus.ACTIVE }, _sum: { quantity: true } });
  return sum._sum.quantity ?? 0;
}
