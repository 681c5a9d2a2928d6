// Job queue depth and the age of the oldest waiting job, read from graphile-worker's tables when
// Prometheus scrapes (no counter to keep in step with the queue). The worker exports them: every
// worker pod reports the same numbers, so aggregate with max by (task, state), not sum.
import { Gauge } from "prom-client";
import { metrics } from "./metrics.ts";

export type QueueRow = { task: string; ready: number | string; running: number | string; failed: number | string; oldest_ready_seconds: number | string | null };

/** ready: may run now; running: locked by a worker; failed: out of attempts (an operator's job). */
export const QUEUE_SQL = `
  SELECT t.identifier AS task,
         count(*) FILTER (WHERE j.is_available AND j.run_at <= now())::int AS ready,
         count(*) FILTER (WHERE j.locked_at IS NOT NULL)::int AS running,
         count(*) FILTER (WHERE j.attempts >= j.max_attempts)::int AS failed,
         extract(epoch FROM now() - min(j.run_at) FILTER (WHERE j.is_available AND j.run_at <= now()))::float8 AS oldest_ready_seconds
    FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
   GROUP BY t.identifier`;

const REGISTERED = Symbol.for("market.observability.queue-metrics");
type WithQueue = typeof globalThis & { [REGISTERED]?: { query: () => Promise<QueueRow[]> } };

/** Adds the queue gauges to this process's metrics; `query` runs QUEUE_SQL. Once per process. */
export function registerQueueMetrics(query: () => Promise<QueueRow[]>): void {
  const holder = globalThis as WithQueue;
  if (holder[REGISTERED]) {
    holder[REGISTERED].query = query;
    return;
  }
  const state = { query };
  holder[REGISTERED] = state;
  const { registry } = metrics();
  let rows: Promise<QueueRow[]> | undefined;
  // Both gauges collect from one query per scrape.
  const read = () => (rows ??= state.query().finally(() => setTimeout(() => (rows = undefined), 1000).unref()));
  new Gauge({
    name: "market_job_queue_depth",
    help: "Jobs in the queue by task and state (ready to run now, running, failed for good).",
    labelNames: ["task", "state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      // task="all" is always there (0 for an empty queue), so an alert on it never goes absent.
      const all = { ready: 0, running: 0, failed: 0 };
      for (const row of await read()) {
        for (const state of ["ready", "running", "failed"] as const) {
          this.set({ task: row.task, state }, Number(row[state]));
          all[state] += Number(row[state]);
        }
      }
      for (const state of ["ready", "running", "failed"] as const) this.set({ task: "all", state }, all[state]);
    },
  });
  new Gauge({
    name: "market_job_queue_oldest_ready_age_seconds",
    help: "How long the oldest job that could run has been waiting, by task (0 when none waits).",
    labelNames: ["task"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      let oldest = 0;
      for (const row of await read()) {
        const age = Number(row.oldest_ready_seconds ?? 0);
        this.set({ task: row.task }, age);
        oldest = Math.max(oldest, age);
      }
      this.set({ task: "all" }, oldest);
    },
  });
}
