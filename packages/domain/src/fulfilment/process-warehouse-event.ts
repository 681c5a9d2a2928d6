// The warehouse's progress reports, the domain side of POST /api/webhooks/warehouse (the brief's
// public contract). The route reads the raw body and hands it here: the signature is checked
// first, then the payload, then ONE transaction resolves the order, records the event id and
// applies the report through the fulfilment state machine. A redelivered event finds its id and
// does nothing; an event whose effect failed is not recorded, so the warehouse's retry applies it.
import { FulfilmentEventSource, FulfilmentStatus, getPrisma, isDatabaseUnavailable, WarehouseKind, WebhookSource } from "@market/db";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { applyFulfilmentUpdate } from "./apply-fulfilment-update.ts";
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
 * The seller parts the event is about. `orderId` is the part id we sent in the pick request; an
 * order's id or number is accepted too (people testing the integration see those) and then means
 * every part of the order in a marketplace warehouse. Only marketplace-warehouse parts: the
 * warehouse system knows nothing of parts the sellers ship themselves.
 */
async function resolveParts(tx: Db, orderId: string): Promise<string[]> {
  const marketplace = { warehouse: { kind: WarehouseKind.MARKETPLACE } };
  if (UUID.test(orderId)) {
    const id = orderId.toLowerCase();
    const part = await tx.orderPart.findFirst({ where: { id, ...marketplace }, select: { id: true } });
    if (part) return [part.id];
    const parts = await tx.orderPart.findMany({ where: { orderId: id, ...marketplace }, orderBy: { id: "asc" }, select: { id: true } });
    if (parts.length > 0) return parts.map((p) => p.id);
  }
  const parts = await tx.orderPart.findMany({ where: { order: { number: orderId }, ...marketplace }, orderBy: { id: "asc" }, select: { id: true } });
  return parts.map((p) => p.id);
}

export async function processWarehouseEvent(event: WarehouseEvent, { requestId = null }: { requestId?: string | null } = {}): Promise<WarehouseEventOutcome> {
  try {
    return await getPrisma().$transaction(
      async (tx): Promise<WarehouseEventOutcome> => {
        const partIds = await resolveParts(tx, event.orderId);
        // Nothing is recorded, so the event id stays free: a sender that got the id wrong can
        // resend the same event with the right one.
        if (partIds.length === 0) throw new AppError("NOT_FOUND", `No order or order part ${JSON.stringify(event.orderId)} was sent to the warehouse.`);

        // A concurrent delivery of the same event waits here on the unique key until the first
        // commits (then it is a duplicate) or rolls back (then it applies the event itself).
        const recorded = await tx.processedWebhookEvent.createMany({
          data: [{ source: WebhookSource.WAREHOUSE, eventId: event.eventId, type: event.status }],
          skipDuplicates: true,
        });
        if (recorded.count === 0) return { duplicate: true };

        const occurredAt = new Date(event.occurredAt);
        const parts = [];
        // In id order, like every other writer that locks several parts, so none deadlock.
        for (const orderPartId of partIds) {
          const outcome = await applyFulfilmentUpdate(tx, {
            orderPartId,
            status: FulfilmentStatus[event.status],
            occurredAt,
            source: FulfilmentEventSource.WAREHOUSE,
            trackingNumber: event.trackingNumber ?? null,
            externalEventId: event.eventId,
            requestId,
          });
          parts.push({ orderPartId, from: outcome.from, to: outcome.to, applied: outcome.applied });
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
