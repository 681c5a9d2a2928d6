// When a part was delivered, which starts the 14-day return period.
import { FulfilmentStatus, ReturnStatus } from "@market/db";
import type { Db } from "../db.ts";
import { RETURN_WINDOW_DAYS } from "./schemas.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The delivery time of each part: the applied DELIVERED report's occurredAt. Parts delivered
 * before reports were recorded (older data) have none; for those the shipment's deliveredAt, and
 * failing that the part's last change, which for a delivered part is its delivery.
 */
export async function deliveredAtOf(db: Db, parts: readonly { id: string; updatedAt: Date }[]): Promise<Map<string, Date>> {
  if (parts.length === 0) return new Map();
  const ids = parts.map((part) => part.id);
  const [events, shipments] = await Promise.all([
    db.fulfilmentEvent.findMany({
      where: { orderPartId: { in: ids }, status: FulfilmentStatus.DELIVERED, applied: true },
      select: { orderPartId: true, occurredAt: true },
    }),
    db.shipment.findMany({ where: { orderPartId: { in: ids }, deliveredAt: { not: null } }, select: { orderPartId: true, deliveredAt: true } }),
  ]);
  const result = new Map(parts.map((part) => [part.id, part.updatedAt]));
  for (const shipment of shipments) result.set(shipment.orderPartId, shipment.deliveredAt!);
  for (const event of events) result.set(event.orderPartId, event.occurredAt);
  return result;
}

export const returnUntil = (deliveredAt: Date) => new Date(deliveredAt.getTime() + RETURN_WINDOW_DAYS * DAY_MS);

/** Returns that hold items: anything not rejected. */
export const HOLDING_STATUSES = [ReturnStatus.REQUESTED, ReturnStatus.ACCEPTED, ReturnStatus.REFUNDED];

/** Units of each line already asked back (not rejected). */
export async function unitsAskedBack(db: Db, orderLineIds: readonly string[]): Promise<Map<string, number>> {
  if (orderLineIds.length === 0) return new Map();
  const groups = await db.returnRequest.groupBy({
    by: ["orderLineId"],
    where: { orderLineId: { in: [...orderLineIds] }, status: { in: HOLDING_STATUSES } },
    _sum: { quantity: true },
  });
  return new Map(groups.map((group) => [group.orderLineId, group._sum.quantity ?? 0]));
}
