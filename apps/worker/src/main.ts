import { assertWorkerEnv } from "@market/config/env";
import { getPrisma } from "@market/db";
import { registerQueueMetrics, QUEUE_SQL, type QueueRow } from "@market/observability/queue-metrics";
import { workerLogger } from "./logger.ts";
import { startOpsServer, type OpsServer } from "./ops-server.ts";
import { startWorker, stopWorker } from "./worker.ts";

const env = assertWorkerEnv();
let state: "starting" | "running" | "stopping" = "starting";
// Signal handlers go in before the first await: a SIGTERM that arrives while the runner is still
// connecting (a fast rollout, a busy node) must stop it cleanly, not kill the process mid-start.
const starting = startWorker({ connectionString: env.DATABASE_URL, concurrency: env.WORKER_CONCURRENCY, staleAfterSeconds: env.WORKER_STALE_AFTER_SECONDS });
let ops: OpsServer | undefined;

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  state = "stopping";
  workerLogger.info({ signal }, "shutdown requested");
  const forceExit = setTimeout(() => {
    workerLogger.error("shutdown timed out; exiting");
    process.exit(1);
  }, 30_000);
  forceExit.unref();
  await stopWorker(await starting);
  await ops?.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

if (env.WORKER_HTTP_PORT > 0) {
  registerQueueMetrics(() => getPrisma().$queryRawUnsafe<QueueRow[]>(QUEUE_SQL));
  try {
    ops = await startOpsServer({ port: env.WORKER_HTTP_PORT, host: env.WORKER_HTTP_HOST, state: () => ({ status: state, concurrency: env.WORKER_CONCURRENCY }) });
    workerLogger.info({ url: `http://${env.WORKER_HTTP_HOST}:${ops.port}/api/health` }, "health and metrics server listening");
  } catch (error) {
    // A second worker on one machine (several `pnpm --filter @market/worker start`): jobs still
    // run; set WORKER_HTTP_PORT per worker, or 0, to silence this. In a pod the probes notice.
    workerLogger.warn({ port: env.WORKER_HTTP_PORT, error: error instanceof Error ? error.message : String(error) }, "health and metrics server not started");
  }
}

const running = await starting;
if (!stopping) state = "running";
await running.runner.promise;
