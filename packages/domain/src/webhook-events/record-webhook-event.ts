// Every webhook we receive (Stripe's, the warehouse's) is applied once per event id: the id is
// recorded in the same transaction as the event's effect, and a redelivery finds it there.
import { newRowId, Prisma, type WebhookSource } from "@market/db";

export type WebhookEventRecord = { source: WebhookSource; eventId: string; type: string };

/**
 * The INSERT that records a webhook event once, when `when` holds: it writes nothing when the id
 * was recorded before, and a concurrent delivery of the same event waits on the unique key until
 * the first one's transaction ends. Callers run it as a CTE (`… RETURNING 1`) of the statement
 * that locks what the event changes, or on its own.
 */
export function webhookEventInsert(record: WebhookEventRecord, when: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "ProcessedWebhookEvent" (id, source, "eventId", type, "receivedAt")
    SELECT ${newRowId()}::uuid, ${record.source}::"WebhookSource", ${record.eventId}, ${record.type}, now() WHERE ${when}
    ON CONFLICT DO NOTHING`;
}
