// One place where a seller part's delivery status changes, whoever reports it: the warehouse's
// webhook, the seller shipping from their own stock, or the system (a cancellation). Every report
// is recorded as a FulfilmentEvent; only one that moves the part forwards changes it, and then
// OrderPartStatusChanged goes to the outbox in the same transaction (the shopper is told from
// there). A late or repeated report is recorded with applied = false and changes nothing.
import { FulfilmentEventSource, FulfilmentStatus, newRowId, OrderStatus, Prisma, SellerOrderStatus } from "@market/db";
import type { Db } from "../db.ts";
import { outboxEventInsert } from "../outbox/index.ts";
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

/** A part locked for a status report, with what the report needs: its order's number, its shipment. */
export type LockedPart = { id: string; orderId: string; status: FulfilmentStatus; trackingNumber: string | null; orderNumber: string; shipmentId: string | null };

/**
 * The SELECT that locks the parts whose ids `ids` (an SQL set) yields, each with its order's row
 * first (the order every status writer takes them in), in part id order, and reads them as
 * LockedPart. Two reports about the same part then apply one after the other, and two about
 * sibling parts too: whichever finishes the order sees the other's outcome and completes it.
 */
export function lockedPartsQuery(ids: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT p.id, p."orderId", p.status, p."trackingNumber", o.number AS "orderNumber",
           (SELECT s.id FROM "Shipment" s WHERE s."orderPartId" = p.id ORDER BY s."createdAt" ASC LIMIT 1) AS "shipmentId"
      FROM "Order" o JOIN "OrderPart" p ON p."orderId" = o.id
     WHERE p.id IN (${ids})
     ORDER BY p.id
       FOR UPDATE OF o, p`;
}

/**
 * Records the report and applies it if it moves the part forwards, in the caller's transaction.
 * Throws if the part does not exist (callers check ownership and existence first).
 *
 * Two statements whatever happens: the part is locked and read (lockedPartsQuery), then
 * writeFulfilmentUpdate. Every parcel sends five of these over its life, more than anything else
 * the shop receives.
 */
export async function applyFulfilmentUpdate(tx: Db, update: FulfilmentUpdate): Promise<FulfilmentUpdateOutcome> {
  const [part] = await tx.$queryRaw<LockedPart[]>(lockedPartsQuery(Prisma.sql`${update.orderPartId}::uuid`));
  if (!part) throw new Error(`applyFulfilmentUpdate: order part ${update.orderPartId} does not exist`);
  return writeFulfilmentUpdate(tx, part, update);
}

/**
 * The report about a part the caller's transaction holds locked (lockedPartsQuery), in one
 * statement: the report itself, and if it moves the part forwards the part, its shipment's dates,
 * the order's completion and OrderPartStatusChanged.
 */
export async function writeFulfilmentUpdate(tx: Db, part: LockedPart, update: Omit<FulfilmentUpdate, "orderPartId">): Promise<FulfilmentUpdateOutcome> {
  const applied = canMove(part.status, update.status);
  const trackingNumber = update.trackingNumber ?? null;
  const recorded = Prisma.sql`
    INSERT INTO "FulfilmentEvent" (id, "orderPartId", "shipmentId", source, "externalEventId", status, applied, "trackingNumber", "occurredAt", "receivedAt")
    VALUES (${newRowId()}::uuid, ${part.id}::uuid, ${part.shipmentId}::uuid, ${update.source}::"FulfilmentEventSource", ${update.externalEventId ?? null},
            ${update.status}::"FulfilmentStatus", ${applied}, ${trackingNumber}, ${update.occurredAt}, now())`;
  if (!applied) {
    await tx.$executeRaw(recorded);
    return { applied, from: part.status, to: part.status, orderId: part.orderId };
  }

  const at = update.occurredAt;
  const shipmentDate = SHIPMENT_DATE[update.status];
  // An empty tracking number in a report keeps the one already known.
  const newTracking = trackingNumber || null;
  const announced = outboxEventInsert({
    type: "OrderPartStatusChanged",
    aggregateType: "Order",
    aggregateId: part.orderId,
    payload: { orderId: part.orderId, orderPartId: part.id, number: part.orderNumber, status: update.status as "ACCEPTED", trackingNumber: trackingNumber ?? part.trackingNumber },
    requestId: update.requestId,
  });
  await tx.$executeRaw`
    WITH recorded AS (${recorded}
    ), moved AS (
      UPDATE "OrderPart"
         SET status = ${update.status}::"FulfilmentStatus", "trackingNumber" = COALESCE(${newTracking}, "trackingNumber"),
             "sellerStatus" = COALESCE(${sellerStatusFor(update.status) ?? null}::"SellerOrderStatus", "sellerStatus"), "updatedAt" = now()
       WHERE id = ${part.id}::uuid
    )${
      part.shipmentId && shipmentDate
        ? Prisma.sql`, dated AS (
      UPDATE "Shipment" SET ${Prisma.raw(`"${shipmentDate}"`)} = ${at}${
        update.status === FulfilmentStatus.SHIPPED ? Prisma.sql`, "trackingNumber" = COALESCE(${newTracking}, "trackingNumber")` : Prisma.empty
      }, "updatedAt" = now()
       WHERE id = ${part.shipmentId}::uuid
    )`
        : Prisma.empty
    }${
      PART_ENDED.includes(update.status)
        ? Prisma.sql`, completed AS (
      -- A paid order is complete once every part still going somewhere is delivered (or came
      -- back). The sibling parts' statuses are committed ones (their writers hold the order's
      -- lock); this part's new status is not visible to the rest of the statement, so it is put in by hand.
      UPDATE "Order" SET status = ${OrderStatus.COMPLETED}::"OrderStatus", "updatedAt" = now()
       WHERE id = ${part.orderId}::uuid AND status = ${OrderStatus.PAID}::"OrderStatus"
         AND NOT EXISTS (SELECT 1 FROM "OrderPart" q WHERE q."orderId" = ${part.orderId}::uuid AND q.id <> ${part.id}::uuid AND q.status <> ALL(${PART_ENDED}::"FulfilmentStatus"[]))
         AND ${update.status !== FulfilmentStatus.CANCELLED ? Prisma.sql`TRUE` : Prisma.sql`EXISTS (SELECT 1 FROM "OrderPart" q WHERE q."orderId" = ${part.orderId}::uuid AND q.id <> ${part.id}::uuid AND q.status <> 'CANCELLED')`}
    )`
        : Prisma.empty
    }
    ${announced.insert}`;
  return { applied, from: part.status, to: update.status, orderId: part.orderId };
}

/** Where a part stops going anywhere: the order is complete once all its parts are here (and not all cancelled). */
const PART_ENDED: FulfilmentStatus[] = [FulfilmentStatus.DELIVERED, FulfilmentStatus.RETURNED, FulfilmentStatus.CANCELLED];

/** The shipment's date column a status sets. */
const SHIPMENT_DATE: Partial<Record<FulfilmentStatus, "shippedAt" | "deliveredAt" | "cancelledAt">> = {
  [FulfilmentStatus.SHIPPED]: "shippedAt",
  [FulfilmentStatus.DELIVERED]: "deliveredAt",
  [FulfilmentStatus.CANCELLED]: "cancelledAt",
};
