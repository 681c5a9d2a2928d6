// The warehouse's progress reports, the domain side of POST /api/webhooks/warehouse (the brief's
// public contract). The route reads the raw body and hands it here: the signature is checked
// first, then the payload, then ONE transaction resolves the order, records the event id and
// applies the report through the fulfilment state machine (writeFulfilmentUpdate). A redelivered
// event finds its id and does nothing; an event whose effect failed is not recorded, so the
// warehouse's retry applies it.
import { FulfilmentEventSource, FulfilmentStatus, getPrisma, isDatabaseUnavailable, Prisma, WarehouseKind, WebhookSource } from "@market/db";
import { AppError } from "../errors.ts";
import { webhookEventInsert } from "../webhook-events/record-webhook-event.ts";
import { lockedPartsQuery, writeFulfilmentUpdate, type LockedPart } from "./apply-fulfilment-update.ts";
import { warehouseConfig } from "./config.ts";
import { verifyWarehouseSignature, warehouseEventSchema, type WarehouseEvent } from "./warehouse-contract.ts";

/**
 * The event, if the signature proves the warehouse sent this exact body within the tolerance and
 * the body is a valid event. Throws WarehouseSignatureError, or AppError BAD_REQUEST naming the
 * first bad field.
 */
export function parseWarehouseWebhook(rawBody: string, signature: string | null | undefined, { secret = warehouseConfig().secret, now }: { secret?: string; now?: number } = {}): WarehouseEvent {
  verifyWarehouseSignature(rawBody, signature, secret, { now });
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
  const parsed = warehouseEventSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const field = issue.path.join(".");
      // zod's own messages do not always name the field; ours do.
      return field && !issue.message.includes(field) ? `${field}: ${issue.message}` : issue.message;
    });
    throw new AppError("BAD_REQUEST", `Invalid warehouse event: ${problems.join("; ")}.`);
  }
  return parsed.data;
}

export type WarehouseEventOutcome =
  | { duplicate: true }
  | { duplicate: false; applied: boolean; parts: { orderPartId: string; from: FulfilmentStatus; to: FulfilmentStatus; applied: boolean }[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The ids of the seller parts the event is about (an SQL set). `orderId` is the part id we sent
 * in the pick request; an order's id or number is accepted too (people testing the integration
 * see those) and then means every part of the order. Only marketplace-warehouse parts: the
 * warehouse system knows nothing of parts the sellers ship themselves.
 */
function eventPartIds(orderId: string): Prisma.Sql {
  const id = UUID.test(orderId) ? orderId.toLowerCase() : null;
  return Prisma.sql`
    SELECT p.id FROM "OrderPart" p JOIN "Warehouse" w ON w.id = p."warehouseId"
     WHERE w.kind = ${WarehouseKind.MARKETPLACE}::"WarehouseKind"
       AND (p.id = ${id}::uuid OR p."orderId" = ${id}::uuid OR p."orderId" = (SELECT o.id FROM "Order" o WHERE o.number = ${orderId}))`;
}

/**
 * One transaction of two statements for a part (the usual event): the first finds the parts,
 * records the event id and locks the parts with their orders; the second writes the report
 * (writeFulfilmentUpdate). A redelivered event finds its id and locks nothing.
 */
export async function processWarehouseEvent(event: WarehouseEvent, { requestId = null }: { requestId?: string | null } = {}): Promise<WarehouseEventOutcome> {
  try {
    return await getPrisma().$transaction(
      async (tx): Promise<WarehouseEventOutcome> => {
        const record = { source: WebhookSource.WAREHOUSE, eventId: event.eventId, type: event.status };
        // Nothing is recorded when no part matches, so the event id stays free: a sender that got
        // the id wrong can resend the same event with the right one.
        const [found] = await tx.$queryRaw<{ parts: number; recorded: number; locked: LockedPart[] | null }[]>`
          WITH target AS (${eventPartIds(event.orderId)}
          ), recorded AS (${webhookEventInsert(record, Prisma.sql`EXISTS (SELECT 1 FROM target)`)} RETURNING 1
          ), locked AS (${lockedPartsQuery(Prisma.sql`SELECT id FROM target WHERE EXISTS (SELECT 1 FROM recorded)`)})
          SELECT (SELECT count(*) FROM target)::int AS parts, (SELECT count(*) FROM recorded)::int AS recorded,
                 (SELECT json_agg(locked ORDER BY locked.id) FROM locked) AS locked`;
        if (found!.parts === 0) throw new AppError("NOT_FOUND", `No order or order part ${JSON.stringify(event.orderId)} was sent to the warehouse.`);
        if (found!.recorded === 0) return { duplicate: true };

        const update = {
          status: FulfilmentStatus[event.status],
          occurredAt: new Date(event.occurredAt),
          source: FulfilmentEventSource.WAREHOUSE,
          trackingNumber: event.trackingNumber ?? null,
          externalEventId: event.eventId,
          requestId,
        };
        const parts = [];
        for (const part of found!.locked ?? []) {
          const outcome = await writeFulfilmentUpdate(tx, part, update);
          parts.push({ orderPartId: part.id, from: outcome.from, to: outcome.to, applied: outcome.applied });
        }
        return { duplicate: false, applied: parts.some((part) => part.applied), parts };
      },
      { maxWait: 10_000, timeout: 20_000 },
    );
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      throw new AppError("UNAVAILABLE", "The database is not reachable right now; the event was not applied. Send it again later.", { retryAfterSeconds: 30 });
    }
    throw error;
  }
}
