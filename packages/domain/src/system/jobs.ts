// The job queue as operators see it: what is waiting, running, failing (will be retried) and
// dead (out of attempts), with the last error, and a way to run a job again. Reads graphile-
// worker's public `jobs` view; changes go through its own functions, never by editing its tables.
import { getPrisma } from "@market/db";
import { z } from "zod";
import { AppError } from "../errors.ts";

export const JOB_STATES = ["queued", "running", "failing", "dead"] as const;
export type JobState = (typeof JOB_STATES)[number];

export type JobView = {
  id: string;
  task: string;
  key: string | null;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  createdAt: Date;
  lockedBy: string | null;
  lastError: string | null;
};

export type JobCounts = Record<JobState, number> & { byTask: { task: string; queued: number; running: number; failing: number; dead: number }[] };

export const listJobsInput = z.object({
  state: z.enum(JOB_STATES).default("failing"),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListJobsInput = z.input<typeof listJobsInput>;

export const retryJobInput = z.object({ id: z.string().regex(/^\d{1,19}$/, "Unknown job") });

// One definition of the states, used for both the list and the counts.
const STATE_SQL = `CASE
    WHEN attempts >= max_attempts THEN 'dead'
    WHEN locked_at IS NOT NULL THEN 'running'
    WHEN last_error IS NOT NULL THEN 'failing'
    ELSE 'queued' END`;

export async function jobCounts(): Promise<JobCounts> {
  const rows = await getPrisma().$queryRawUnsafe<{ task: string; state: JobState; count: number }[]>(
    `SELECT task_identifier AS task, ${STATE_SQL} AS state, count(*)::int AS count FROM graphile_worker.jobs GROUP BY 1, 2 ORDER BY 1`,
  );
  const counts: JobCounts = { queued: 0, running: 0, failing: 0, dead: 0, byTask: [] };
  for (const row of rows) {
    counts[row.state] += row.count;
    let task = counts.byTask.find((t) => t.task === row.task);
    if (!task) counts.byTask.push((task = { task: row.task, queued: 0, running: 0, failing: 0, dead: 0 }));
    task[row.state] += row.count;
  }
  return counts;
}

export async function listJobs(input: ListJobsInput = {}): Promise<JobView[]> {
  const { state, limit } = listJobsInput.parse(input);
  const rows = await getPrisma().$queryRawUnsafe<
    { id: bigint; task: string; key: string | null; state: JobState; attempts: number; max_attempts: number; run_at: Date; created_at: Date; locked_by: string | null; last_error: string | null }[]
  >(
    `SELECT id, task_identifier AS task, key, ${STATE_SQL} AS state, attempts, max_attempts, run_at, created_at, locked_by, last_error
       FROM graphile_worker.jobs WHERE ${STATE_SQL} = $1 ORDER BY run_at ASC, id ASC LIMIT $2`,
    state,
    limit,
  );
  return rows.map((row) => ({
    id: row.id.toString(),
    task: row.task,
    key: row.key,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    createdAt: row.created_at,
    lockedBy: row.locked_by,
    // The first lines say what went wrong; a whole stack trace does not help on this page.
    lastError: row.last_error ? row.last_error.split("\n").slice(0, 3).join("\n").slice(0, 500) : null,
  }));
}

/**
 * Runs a failing or dead job again now, with its attempts reset (a dead job gets a fresh set of
 * retries). A running job is left alone: the worker holding it decides its fate.
 */
export async function retryJob(input: z.input<typeof retryJobInput>): Promise<{ id: string }> {
  const { id } = retryJobInput.parse(input);
  const rows = await getPrisma().$queryRaw<{ id: bigint }[]>`
    SELECT id FROM graphile_worker.reschedule_jobs(ARRAY[${BigInt(id)}]::bigint[], run_at := now(), attempts := 0)`;
  if (rows.length === 0) throw new AppError("CONFLICT", "This job is running or no longer exists; reload the list.");
  return { id };
}
