// Keeping the index current: whoever changes the catalogue (a product, its variants, prices,
// stock, pictures, a category or seller name) calls enqueueSearchSync with its own transaction,
// so the job exists exactly when the change does: a rolled-back change queues nothing, and a
// committed one is indexed even if the process dies right after the commit (a transactional
// outbox, with graphile-worker's table as the outbox).
import { Prisma } from "@market/db";
import type { Db } from "./load-search-documents.ts";

export const SYNC_PRODUCTS_TASK = "search.sync-products";

/**
 * One pending job collects every change: graphile-worker merges the payloads of jobs with the
 * same key when both are JSON arrays, so the payload is an array of product ids rather than an
 * object (an object would replace the earlier ids instead of adding to them). 'preserve_run_at'
 * keeps the first change's run time, so a steady stream of edits cannot postpone indexing; a job
 * already running is left alone and a new one is queued after it.
 */
const JOB_KEY = SYNC_PRODUCTS_TASK;
/** A short delay gathers the changes of a burst (a seller's import) into one job. */
const DEBOUNCE_SECONDS = 1;

/** Queues a sync of these products in the caller's transaction (or on its own, given the client). */
export async function enqueueSearchSync(tx: Db, productIds: readonly string[]): Promise<void> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return;
  await tx.$executeRaw(searchSyncJob(Prisma.sql`${ids}::text[]`));
}

/**
 * The add_job call that queues a sync of `productIds` (an SQL text[] expression), for a caller
 * that computes the ids inside its own statement (placing an order: the products whose stock ran
 * out). The caller skips it when there are none.
 */
export function searchSyncJob(productIds: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT graphile_worker.add_job(
      ${SYNC_PRODUCTS_TASK},
      to_json(${productIds}),
      run_at => now() + make_interval(secs => ${DEBOUNCE_SECONDS}),
      job_key => ${JOB_KEY},
      job_key_mode => 'preserve_run_at'
    )`;
}
