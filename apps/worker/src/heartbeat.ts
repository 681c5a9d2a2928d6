// Liveness of worker processes, and recovery of the jobs of dead ones. graphile-worker releases
// its jobs on a graceful shutdown, but a worker killed outright (SIGKILL, out of memory, a node
// that vanished) leaves them locked for four hours. Each worker records its graphile worker ids
// with a heartbeat; every worker sweeps: jobs locked by an id whose heartbeat is stale (or that
// never had one) for longer than the threshold are unlocked and run again. The consumers are
// idempotent, so a job that had half-run before its worker died is safe to run again.
import { EventEmitter } from "node:events";
import os from "node:os";
import { makeWorkerUtils, type WorkerEvents, type WorkerUtils } from "graphile-worker";

export type HeartbeatOptions = {
  connectionString: string;
  staleAfterSeconds: number;
  log?: (msg: string) => void;
};

export type Heartbeat = {
  /** Pass to graphile-worker's `run({ events })`, so the worker ids are known as they start. */
  events: WorkerEvents;
  start(): Promise<void>;
  /** One sweep now; returns the worker ids whose jobs were released. */
  sweep(): Promise<string[]>;
  stop(): Promise<void>;
};

export function createHeartbeat({ connectionString, staleAfterSeconds, log = console.log }: HeartbeatOptions): Heartbeat {
  const events: WorkerEvents = new EventEmitter();
  const ids = new Set<string>();
  events.on("pool:create", ({ workerPool }) => ids.add(workerPool.id));
  events.on("worker:create", ({ worker }) => ids.add(worker.workerId));

  let utils: WorkerUtils | undefined;
  let timer: NodeJS.Timeout | undefined;
  const stale = `${staleAfterSeconds} seconds`;

  async function beat() {
    if (!utils || ids.size === 0) return;
    await utils.withPgClient((client) =>
      client.query(
        `INSERT INTO "WorkerHeartbeat" ("workerId", hostname, pid, "lastSeenAt")
         SELECT id, $2, $3, now() FROM unnest($1::text[]) AS id
         ON CONFLICT ("workerId") DO UPDATE SET "lastSeenAt" = now()`,
        [[...ids], os.hostname(), process.pid],
      ),
    );
  }

  async function sweep(): Promise<string[]> {
    if (!utils) return [];
    const { rows } = await utils.withPgClient((client) =>
      client.query<{ locked_by: string }>(
        `SELECT locked_by FROM (
           SELECT locked_by FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL AND locked_at < now() - $1::interval
           UNION
           SELECT locked_by FROM graphile_worker._private_job_queues WHERE locked_by IS NOT NULL AND locked_at < now() - $1::interval
         ) locked
         WHERE NOT EXISTS (SELECT 1 FROM "WorkerHeartbeat" h WHERE h."workerId" = locked.locked_by AND h."lastSeenAt" > now() - $1::interval)`,
        [stale],
      ),
    );
    const dead = rows.map((row) => row.locked_by).filter((id) => !ids.has(id));
    if (dead.length > 0) {
      await utils.forceUnlockWorkers(dead);
      log(JSON.stringify({ level: "warn", msg: "released the jobs of workers that stopped without shutting down", workers: dead }));
    }
    await utils.withPgClient((client) => client.query(`DELETE FROM "WorkerHeartbeat" WHERE "lastSeenAt" < now() - $1::interval * 10`, [stale]));
    return dead;
  }

  async function tick() {
    try {
      await beat();
      await sweep();
    } catch (error) {
      // The database may be briefly unreachable; the next tick tries again.
      log(JSON.stringify({ level: "warn", msg: "heartbeat failed", error: error instanceof Error ? error.message : String(error) }));
    }
  }

  return {
    events,
    async start() {
      utils = await makeWorkerUtils({ connectionString });
      await tick();
      timer = setInterval(() => void tick(), Math.max(1_000, (staleAfterSeconds * 1_000) / 4));
      timer.unref();
    },
    sweep,
    async stop() {
      if (timer) clearInterval(timer);
      if (utils && ids.size > 0) {
        await utils
          .withPgClient((client) => client.query(`DELETE FROM "WorkerHeartbeat" WHERE "workerId" = ANY($1::text[])`, [[...ids]]))
          .catch(() => undefined);
      }
      await utils?.release();
    },
  };
}
