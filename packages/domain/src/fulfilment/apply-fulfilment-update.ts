// One place where a seller part's delivery status changes, whoever reports it: the warehouse's
// webhook, the seller shipping from their own stock, or the system (a cancellation). Every report
// is recorded as a FulfilmentEvent; only one that moves the part forwards changes it, and then
// OrderPartStatusChanged goes to the outbox in the same transaction (the shopper is told from
// there). A late or repeated report is recorded with applied = false and changes nothing.
import { FulfilmentEventSource, FulfilmentStatus, OrderStatus, SellerOrderStatus } from "@market/db";
import type { Db } from "../db.ts";
import { writeOutboxEvent } from "../outbox/index.ts";
import { progressOf } from "./progress.ts";

export { progressOf };


/** A part can be cancelled until it leaves the warehouse. */
export const isCancellable = (status: FulfilmentStatus): boolean =>
  progressOf(status) >= progressOf(FulfilmentStatus.NEW) && progressOf(status) < progressOf(FulfilmentStatus.SHIPPED);

/** Whether a report of `next` moves a part that is at `current`. Unpaid parts never move here. */
export function canMove(current: FulfilmentStatus, next: FulfilmentStatus): boolean {
  if (current === FulfilmentStatus.AWAITING_PAYMENT || current === FulfilmentStatus.CANCELLED || current === FulfilmentStatus.RETURNED) return false;
  if (next === FulfilmentStatus.CANCELLED) return isCancellable(current);
  if (next === FulfilmentStatus.RETURNED) return current === FulfilmentStatus.DELIVERED;
  if (next === FulfilmentStatus.AWAITING_PAYMENT || next === FulfilmentStatus.NEW) return false;
  return progressOf(next) > progressOf(current);
}

/** The seller-side status that follows the delivery status (Wildberries' new → confirmed → complete). */
function sellerStatusFor(status: FulfilmentStatus): SellerOrderStatus | undefined {
  if (status === FulfilmentStatus.CANCELLED) return SellerOrderStatus.CANCELLED;
  if (status === FulfilmentStatus.DELIVERED) return SellerOrderStatus.COMPLETE;
  if (progressOf(status) >= progressOf(FulfilmentStatus.ACCEPTED)) return SellerOrderStatus.CONFIRMED;
  return undefined;
}

export type FulfilmentUpdate = {
  orderPartId: string;
  status: FulfilmentStatus;
  occurredAt: Date;
  source: FulfilmentEventSource;
  trackingNumber?: string | null;
  /** The reporter's event id (the warehouse's eventId), kept with the record. */
  externalEventId?: string | null;
  requestId?: string | null;
};

export type FulfilmentUpdateOutcome = { applied: boolean; from: FulfilmentStatus; to: FulfilmentStatus; orderId: string };

/**
 * Records the report and applies it if it moves the part forwards, in the caller's transaction.
 * The part's row is locked first, so two reports about the same part apply one after the other.
 * Throws if the part does not exist (callers check ownership and existence first).
 */
export async function applyFulfilmentUpdate(tx: Db, update: FulfilmentUpdate): Promise<FulfilmentUpdateOutcome> {
  const [part] = await tx.$queryRaw<{ id: string; orderId: string; status: FulfilmentStatus; trackingNumber: string | null }[]>`
    SELECT id, "orderId", status, "trackingNumber" FROM "OrderPart" WHERE id = ${update.orderPartId}::uuid FOR UPDATE`;
  if (!part) throw new Error(`applyFulfilmentUpdate: order part ${update.orderPartId} does not exist`);

  const applied = canMove(part.status, update.status);
  const trackingNumber = update.trackingNumber ?? null;
  const shipment = await tx.shipment.findFirst({ where: { orderPartId: part.id }, orderBy: { createdAt: "asc" }, select: { id: true } });
  await tx.fulfilmentEvent.create({
    data: {
      orderPartId: part.id,
      shipmentId: shipment?.id ?? null,
      source: update.source,
      externalEventId: update.externalEventId ?? null,
      status: update.status,
      applied,
      trackingNumber,
      occurredAt: update.occurredAt,
    },
  });
  if (!applied) return { applied, from: part.status, to: part.status, orderId: part.orderId };

  const sellerStatus = sellerStatusFor(update.status);
  await tx.orderPart.update({
    where: { id: part.id },
    data: { status: update.status, ...(trackingNumber ? { trackingNumber } : {}), ...(sellerStatus ? { sellerStatus } : {}) },
  });
  if (shipment) {
    const at = update.occurredAt;
    if (update.status === FulfilmentStatus.SHIPPED) await tx.shipment.update({ where: { id: shipment.id }, data: { shippedAt: at, ...(trackingNumber ? { trackingNumber } : {}) } });
    if (update.status === FulfilmentStatus.DELIVERED) await tx.shipment.update({ where: { id: shipment.id }, data: { deliveredAt: at } });
    if (update.status === FulfilmentStatus.CANCELLED) await tx.shipment.update({ where: { id: shipment.id }, data: { cancelledAt: at } });
  }
  await completeOrderWhenDelivered(tx, part.orderId);

  const order = await tx.order.findUniqueOrThrow({ where: { id: part.orderId }, select: { number: true } });
  await writeOutboxEvent(tx, {
    type: "OrderPartStatusChanged",
    aggregateType: "Order",
    aggregateId: part.orderId,
    payload: {
      orderId: part.orderId,
      orderPartId: part.id,
      number: order.number,
      status: update.status as "ACCEPTED",
      trackingNumber: trackingNumber ?? part.trackingNumber,
    },
    requestId: update.requestId,
  });
  return { applied, from: part.status, to: update.status, orderId: part.orderId };
}

/** A paid order is complete once every part that is still going somewhere has been delivered. */
async function completeOrderWhenDelivered(tx: Db, orderId: string): Promise<void> {
  const parts = await tx.orderPart.findMany({ where: { orderId }, select: { status: true } });
  const live = parts.filter((part) => part.status !== FulfilmentStatus.CANCELLED);
  if (live.length > 0 && live.every((part) => part.status === FulfilmentStatus.DELIVERED || part.status === FulfilmentStatus.RETURNED)) {
    await tx.order.updateMany({ where: { id: orderId, status: OrderStatus.PAID }, data: { status: OrderStatus.COMPLETED } });
  }
}
