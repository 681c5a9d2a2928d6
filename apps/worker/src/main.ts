import { assertWorkerEnv } from "@market/config/env";
import { startWorker, stopWorker } from "./worker.ts";

const env = assertWorkerEnv();
// Signal handlers go in before the first await: a SIGTERM that arrives while the runner is still
// connecting (a fast rollout, a busy node) must stop it cleanly, not kill the process mid-start.
const starting = startWorker({ connectionString: env.DATABASE_URL, concurrency: env.WORKER_CONCURRENCY, staleAfterSeconds: env.WORKER_STALE_AFTER_SECONDS });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(JSON.stringify({ level: "info", msg: "shutdown requested", signal }));
  const forceExit = setTimeout(() => {
    console.error(JSON.stringify({ level: "error", msg: "shutdown timed out; exiting" }));
    process.exit(1);
  }, 30_000);
  forceExit.unref();
  await stopWorker(await starting);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

await (await starting).runner.promise;
