import { assertWorkerEnv } from "@market/config/env";
import { startWorker, stopWorker } from "./worker.ts";

const env = assertWorkerEnv();
const runner = await startWorker({ connectionString: env.DATABASE_URL, concurrency: env.WORKER_CONCURRENCY });

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
  await stopWorker(runner);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

await runner.promise;
