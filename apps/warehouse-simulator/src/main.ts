// `pnpm --filter @market/warehouse-simulator start`: the warehouse the apps talk to when
// WAREHOUSE_URL is unset (`pnpm dev` and the end-to-end tests start it).
import { EnvError } from "@market/config/env";
import { warehouseConfig } from "@market/domain/fulfilment/contract";
import { simulatorEnv } from "./env.ts";
import { jsonLog } from "./log.ts";
import { startSimulator, type RunningSimulator } from "./server.ts";
import { StateFileError } from "./state.ts";

let simulator: RunningSimulator | undefined;
let stopping = false;

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  jsonLog("info", "shutdown requested", { signal });
  const forceExit = setTimeout(() => {
    jsonLog("error", "shutdown timed out; exiting");
    process.exit(1);
  }, 15_000);
  forceExit.unref();
  await simulator?.stop();
  process.exit(0);
}
// In place before the first await: a SIGTERM during start-up still stops it cleanly.
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

try {
  const env = simulatorEnv();
  const config = warehouseConfig();
  if (config.mode === "warehouse") {
    jsonLog("warn", "WAREHOUSE_URL is set: the apps talk to that warehouse, not to this simulator", { warehouseUrl: config.url });
  }
  simulator = await startSimulator({
    port: config.simulatorPort,
    host: env.WAREHOUSE_SIMULATOR_HOST,
    stateFile: env.WAREHOUSE_SIMULATOR_STATE_FILE,
    secret: config.secret,
    webhookUrl: config.webhookUrl,
    stepMs: config.simulatorStepMs,
    controlEnabled: env.controlEnabled,
  });
} catch (error) {
  if (error instanceof EnvError || error instanceof StateFileError) {
    console.error(`[warehouse-simulator] cannot start. ${error.message}`);
    process.exit(1);
  }
  throw error;
}
