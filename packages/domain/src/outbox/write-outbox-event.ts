// The transactional outbox: an event is a row written by the transaction that makes the change,
// together with the job that will deliver it (graphile-worker's jobs are rows in the same
// database). Both exist exactly when the change is committed; a crash right after the commit
// loses nothing, and a rolled-back change announces nothing.
import { newRowId, Prisma } from "@market/db";
import type { Db } from "../db.ts";
import { isConsumedOutboxEvent, outboxPayloadSchemas, type OutboxEventType, type OutboxPayload } from "./types.ts";

export const DELIVER_OUTBOX_EVENT_TASK = "outbox.deliver";
/**
 * graphile-worker retries with exponential backoff (about exp(attempt) seconds, capped near 6 h
 * between tries); 25 attempts span roughly three days, like Stripe's own webhook retries. After
 * the last one the job stays in the queue as failed, for an operator to see and retry.
 */
export const OUTBOX_MAX_ATTEMPTS = 25;

export type NewOutboxEvent<T extends OutboxEventType> = {
  type: T;
  aggregateType: string;
  aggregateId: string;
  payload: OutboxPayload<T>;
  /** The request that caused the change, so logs can follow it into the worker. */
  requestId?: string | null;
};

/**
 * Records the event and queues its delivery in the caller's transaction. Returns the event id.
 * An event no one consumes is only recorded, already PROCESSED (see CONSUMED_OUTBOX_EVENTS).
 */
export async function writeOutboxEvent<T extends OutboxEventType>(tx: Db, event: NewOutboxEvent<T>): Promise<string> {
  const { id, insert } = outboxEventInsert(event);
  await tx.$executeRaw(insert);
  return id;
}

/**
 * The INSERT that records the event, with its delivery job queued by the INSERT's own RETURNING
 * clause, for callers that write the event as a CTE of their own statement (the busiest
 * transactions, placing and paying orders, where every round trip counts). A data-modifying CTE
 * always runs in full, so the job cannot be skipped by a statement that does not read it. `when`
 * is a condition the event is written under (placing an order writes it only if the order row
 * was inserted).
 */
export function outboxEventInsert<T extends OutboxEventType>(event: NewOutboxEvent<T>, when: Prisma.Sql = Prisma.sql`TRUE`): { id: string; insert: Prisma.Sql } {
  const payload = JSON.stringify(outboxPayloadSchemas[event.type].parse(event.payload));
  const id = newRowId();
  const now = new Date();
  const insert = isConsumedOutboxEvent(event.type)
    ? Prisma.sql`
      INSERT INTO "OutboxEvent" (id, type, "aggregateType", "aggregateId", payload, "requestId", "createdAt")
      SELECT ${id}::uuid, ${event.type}, ${event.aggregateType}, ${event.aggregateId}, ${payload}::jsonb, ${event.requestId ?? null}, ${now} WHERE ${when}
      RETURNING graphile_worker.add_job(${DELIVER_OUTBOX_EVENT_TASK}, json_build_object('eventId', id::text), job_key => 'outbox:' || id::text, max_attempts => ${OUTBOX_MAX_ATTEMPTS})`
    : Prisma.sql`
      INSERT INTO "OutboxEvent" (id, type, "aggregateType", "aggregateId", payload, "requestId", "createdAt", status, "processedAt")
      SELECT ${id}::uuid, ${event.type}, ${event.aggregateType}, ${event.aggregateId}, ${payload}::jsonb, ${event.requestId ?? null}, ${now}, 'PROCESSED', ${now} WHERE ${when}`;
  return { id, insert };
}
