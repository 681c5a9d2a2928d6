// The jobs that talk to the warehouse, queued in the caller's transaction (graphile-worker's jobs
// are rows in the same database, so a job exists exactly when the change that needs it commits).
import { Prisma } from "@market/db";
import type { Db } from "../db.ts";

export const SEND_PICK_REQUEST_TASK = "fulfilment.send-pick-request";
export const SEND_PICK_CANCELLATION_TASK = "fulfilment.send-pick-cancellation";

/**
 * graphile-worker waits exp(min(attempt, 10)) seconds after a failed attempt: the first ten
 * attempts fall within about 3.6 hours, then one every ~6.1 hours. 30 attempts therefore keep
 * trying for about 126 hours (5.2 days), long enough to ride out a warehouse outage over a
 * weekend. After the last one the job stays in the queue as failed, on the admin jobs page, for
 * an operator to see and retry: a pick request is never silently dropped.
 */
export const WAREHOUSE_JOB_MAX_ATTEMPTS = 30;

export const PICK_KEY_PREFIX = "pick:";
export const pickJobKey = (orderPartId: string) => `${PICK_KEY_PREFIX}${orderPartId}`;
const PICK_CANCEL_KEY_PREFIX = "pick-cancel:";
export const pickCancelJobKey = (orderPartId: string) => `${PICK_CANCEL_KEY_PREFIX}${orderPartId}`;

/**
 * Queues the pick requests of the parts whose ids a CTE named `created` returns (column
 * "orderPartId"), all in one add_jobs call: graphile-worker's add_job costs about half a millisecond
 * of database CPU per call, and a paid order usually has a part per seller.
 */
export function pickRequestJobsFor(created: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`graphile_worker.add_jobs(ARRAY(
      SELECT (${SEND_PICK_REQUEST_TASK}, json_build_object('orderPartId', c."orderPartId"::text), NULL, NULL,
              ${WAREHOUSE_JOB_MAX_ATTEMPTS}::smallint, ${PICK_KEY_PREFIX} || c."orderPartId"::text, NULL, NULL)::graphile_worker.job_spec
        FROM ${created} c
    ))`;
}

/** The add_job call that queues a part's pick cancellation, given the part's id and the reason (SQL). */
export function pickCancellationJobCall(orderPartId: Prisma.Sql, reason: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`graphile_worker.add_job(
      ${SEND_PICK_CANCELLATION_TASK},
      json_build_object('orderPartId', (${orderPartId})::text, 'reason', (${reason})::text),
      job_key => ${PICK_CANCEL_KEY_PREFIX} || (${orderPartId})::text,
      max_attempts => ${WAREHOUSE_JOB_MAX_ATTEMPTS}
    )`;
}

export async function queuePickCancellationJob(tx: Db, orderPartId: string, reason: string): Promise<void> {
  await tx.$executeRaw`SELECT ${pickCancellationJobCall(Prisma.sql`${orderPartId}::uuid`, Prisma.sql`${reason}`)}`;
}
