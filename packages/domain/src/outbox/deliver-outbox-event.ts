// The worker's side of the outbox: runs every consumer of an event, then marks it processed. A
// consumer that throws makes the job fail and graphile-worker retry it with backoff; consumers
// that already succeeded run again on the retry, which is why every consumer is idempotent.
import { getPrisma, OutboxStatus } from "@market/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { OUTBOX_MAX_ATTEMPTS } from "./write-outbox-event.ts";
import { outboxPayloadSchemas, type OutboxEvent, type OutboxEventType, type OutboxHandlers } from "./types.ts";

const jobPayload = z.object({ eventId: z.string().uuid() });

export type DeliveryResult = "delivered" | "already-delivered" | "unknown-event";

/** Delivers one event to its consumers. Throws (after recording the error) if any consumer fails. */
export async function deliverOutboxEvent(
  eventId: string,
  handlers: OutboxHandlers,
  /** Called once the event is read, before its consumers run (the worker logs its request id). */
  onLoaded?: (event: { type: string; requestId: string | null }) => void,
): Promise<DeliveryResult> {
  const prisma = getPrisma();
  const row = await prisma.outboxEvent.findUnique({ where: { id: eventId } });
  if (!row) return "unknown-event";
  onLoaded?.({ type: row.type, requestId: row.requestId });
  if (row.status === OutboxStatus.PROCESSED) return "already-delivered";

  const type = row.type as OutboxEventType;
  const schema = outboxPayloadSchemas[type];
  const event = {
    id: row.id,
    type,
    aggregateType: row.aggregateType,
    aggregateId: row.aggregateId,
    payload: schema ? schema.parse(row.payload) : row.payload,
    requestId: row.requestId,
    createdAt: row.createdAt,
  } as OutboxEvent;
  const consumers = (handlers[type] ?? []) as { name: string; handle: (e: OutboxEvent) => Promise<void> }[];

  for (const consumer of consumers) {
    try {
      await consumer.handle(event);
    } catch (error) {
      const message = `${consumer.name}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 2_000);
      const attempts = row.attempts + 1;
      await prisma.outboxEvent.update({
        where: { id: row.id },
        data: { attempts, lastError: message, status: attempts >= OUTBOX_MAX_ATTEMPTS ? OutboxStatus.FAILED : OutboxStatus.PENDING },
      });
      throw error;
    }
  }
  await prisma.outboxEvent.update({
    where: { id: row.id },
    data: { status: OutboxStatus.PROCESSED, processedAt: new Date(), attempts: row.attempts + 1, lastError: null },
  });
  return "delivered";
}

/** The graphile-worker task for DELIVER_OUTBOX_EVENT_TASK, with the consumers the worker wires in. */
export function createDeliverOutboxEventTask(handlers: OutboxHandlers): Task {
  return async (payload, helpers) => {
    const { eventId } = jobPayload.parse(payload);
    // The request that wrote the event, on this job's lines: a shopper's request id leads from
    // the app's log to the delivery of the events it caused.
    let context: Record<string, unknown> = { eventId };
    const result = await deliverOutboxEvent(eventId, handlers, ({ type, requestId }) => {
      context = { eventId, type, requestId };
      helpers.logger.info(`outbox: delivering ${type}`, context);
    });
    helpers.logger.info(`outbox: ${eventId} ${result}`, { ...context, result });
  };
}
