// The background worker: graphile-worker over the same PostgreSQL, so jobs can be queued in
// the same transaction as the change that causes them, and several workers can run at once.
import { run, type Runner, type TaskList } from "graphile-worker";
import { crontab as defaultCrontab } from "./crontab.ts";
import { graphileLogger, logJsonLine } from "./logger.ts";
import { createHeartbeat, type Heartbeat } from "./heartbeat.ts";
import { taskList as defaultTaskList } from "./task-list.ts";

export type WorkerOptions = {
  connectionString: string;
  concurrency?: number;
  taskList?: TaskList;
  crontab?: string;
  /** After this long without a heartbeat another worker counts as dead (see heartbeat.ts). */
  staleAfterSeconds?: number;
  log?: (msg: string) => void;
};

export type RunningWorker = { runner: Runner; heartbeat: Heartbeat; log: (msg: string) => void };

export async function startWorker({
  connectionString,
  concurrency = 4,
  taskList = defaultTaskList,
  crontab = taskList === defaultTaskList ? defaultCrontab : "",
  staleAfterSeconds = 60,
  log = logJsonLine,
}: WorkerOptions): Promise<RunningWorker> {
  const heartbeat = createHeartbeat({ connectionString, staleAfterSeconds, log });
  const runner = await run({
    connectionString,
    concurrency,
    taskList,
    crontab,
    events: heartbeat.events,
    // graphile-worker's own lines as JSON too, with the task, job and worker they concern.
    logger: graphileLogger(),
    // We stop the runner ourselves so shutdown is logged and the exit code is right.
    noHandleSignals: true,
    pollInterval: 2_000,
    preset: {
      worker: {
        // Fetch (and lock) a few ready jobs at a time and hand them to the slots locally, instead of
        // every free slot racing for each new job's notification (measured: ~2 fetch queries per
        // job, most of them coming back empty, at checkout load). Jobs locked here by a worker
        // that dies are released by the heartbeat's stale-worker sweep.
        localQueue: { size: concurrency + 1, ttl: 60_000 },
        // Completions and permanent failures are written in batches (one statement per tick).
        completeJobBatchDelay: 0,
        failJobBatchDelay: 0,
      },
    },
  });
  await heartbeat.start();
  log(JSON.stringify({ level: "info", msg: "worker started", concurrency, tasks: Object.keys(taskList) }));
  return { runner, heartbeat, log };
}

/** Stop taking jobs, let running ones finish (graphile-worker releases what it cannot finish). */
export async function stopWorker({ runner, heartbeat }: RunningWorker, log: (msg: string) => void = logJsonLine): Promise<void> {
  log(JSON.stringify({ level: "info", msg: "worker stopping" }));
  await runner.stop();
  await heartbeat.stop();
  log(JSON.stringify({ level: "info", msg: "worker stopped" }));
}
