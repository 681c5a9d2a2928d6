import { getPrisma } from "@market/db";

export type QueueStats = { ready: number; failing: number; oldestReadyAgeSeconds: number | null };

/**
 * Depth of the job queue (graphile-worker's tables, created when a worker first starts).
 * Throws when the queue is not there, which the health check reports as down.
 */
export async function queueStats(): Promise<QueueStats> {
  const rows = await getPrisma().$queryRaw<
    { ready: number; failing: number; oldest_ready_age: number | null }[]
  >`SELECT count(*) FILTER (WHERE locked_at IS NULL AND run_at <= now() AND attempts < max_attempts)::int AS ready,
           count(*) FILTER (WHERE last_error IS NOT NULL)::int AS failing,
           extract(epoch FROM now() - min(run_at) FILTER (WHERE locked_at IS NULL AND run_at <= now() AND attempts < max_attempts))::float8 AS oldest_ready_age
      FROM graphile_worker.jobs`;
  const row = rows[0]!;
  return {
    ready: row.ready,
    failing: row.failing,
    oldestReadyAgeSeconds: row.oldest_ready_age === null ? null : Math.round(row.oldest_ready_age),
  };
}
