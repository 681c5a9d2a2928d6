// `pnpm dev`: the whole product on one machine. PostgreSQL (embedded unless DATABASE_URL is
// set), migrations, demo data, then the storefront (:3000), the seller portal (:3001), the
// worker and, unless WAREHOUSE_URL is set, the warehouse simulator (:3002), stopped together
// with Ctrl+C.
import path from "node:path";
import { ensureDatabase } from "@market/db/admin";
import { dataDir, repoRoot } from "@market/db/paths";
import { warehouseConfig } from "@market/domain/fulfilment";
import { openStackDatabase } from "./database.ts";
import { prepareDatabase } from "./prepare-database.ts";
import { assertPortFree, startProcess, stopProcess, waitForHttp, type ManagedProcess } from "./processes.ts";
import { devSecrets } from "./secrets.ts";

const authSecret = process.env.AUTH_SECRET ?? devSecrets().AUTH_SECRET;
// The simulator reads the same variables as the apps (port, step delay, secret derived from
// AUTH_SECRET), so what they call is what runs; its steps default to 20 s, slow enough to watch.
const warehouse = warehouseConfig({ ...process.env, AUTH_SECRET: authSecret });
const runSimulator = warehouse.mode === "simulator";
await Promise.all([assertPortFree(3000), assertPortFree(3001), ...(runSimulator ? [assertPortFree(warehouse.simulatorPort)] : [])]);

const database = await openStackDatabase({
  dataDirName: "postgres",
  port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 5432),
  durable: true,
});
const databaseUrl = process.env.DATABASE_URL ?? database.url("marketplace");
if (database.embedded) await ensureDatabase(database.serverUrl, "marketplace");

const filesDir = process.env.FILES_DIR ?? dataDir("files");
await prepareDatabase(databaseUrl, { filesDir });

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "development",
  DATABASE_URL: databaseUrl,
  FILES_DIR: filesDir,
  AUTH_SECRET: authSecret,
};
const pnpm = (filter: string, script: string) => ["--filter", filter, script];
const processes: ManagedProcess[] = [
  startProcess("storefront", "pnpm", pnpm("@market/storefront", "dev"), { cwd: repoRoot, env }),
  startProcess("seller", "pnpm", pnpm("@market/seller", "dev"), { cwd: repoRoot, env }),
  startProcess("worker", "pnpm", pnpm("@market/worker", "dev"), { cwd: repoRoot, env }),
  // Tasks survive restarts in .data/warehouse-simulator/state.json.
  ...(runSimulator ? [startProcess("warehouse", "pnpm", pnpm("@market/warehouse-simulator", "dev"), { cwd: repoRoot, env })] : []),
];

let stopping = false;
async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  console.log("Stopping…");
  await Promise.all(processes.map((p) => stopProcess(p)));
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));
for (const p of processes) {
  void p.exited.then((code) => {
    if (!stopping) {
      console.error(`${p.name} exited with code ${code}; stopping the stack.`);
      void stopAll(code || 1);
    }
  });
}

await Promise.all([
  waitForHttp("http://localhost:3000/api/health", { timeoutMs: 300_000 }),
  waitForHttp("http://localhost:3001/api/health", { timeoutMs: 300_000 }),
  ...(runSimulator ? [waitForHttp(`${warehouse.url}/health`, { timeoutMs: 300_000 })] : []),
]);
const warehouseLine = runSimulator
  ? `${warehouse.url}   (simulator: a step every ${warehouse.simulatorStepMs / 1000} s; GET /pick-tasks, GET/POST /control)`
  : `${warehouse.url}   (WAREHOUSE_URL)`;
console.log(`
  Marketplace is running:
    storefront     http://localhost:3000   (shopper@example.com / shopper-demo-1)
    seller portal  http://localhost:3001   (seller@example.com / seller-demo-1)
    warehouse      ${warehouseLine}
    files          ${path.relative(repoRoot, filesDir)}
  Press Ctrl+C to stop.
`);
