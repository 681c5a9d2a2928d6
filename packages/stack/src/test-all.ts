// `pnpm test`: the whole suite, the same on a laptop and in CI.
//   0. type-check every package;
//   1. unit and integration tests (Vitest) of every package, on a real PostgreSQL;
//   2. production builds of both apps, and the check that they hold what the Dockerfiles copy;
//   3. a fresh, seeded database, both apps (`next start`), the worker and the warehouse
//      simulator (fast steps, empty state);
//   4. the Playwright suites in Chromium; then, alone, the outage suite, which stops and starts
//      the end-to-end PostgreSQL mid-run (see e2e-postgres.ts).
// `--only unit` or `--only e2e` runs one half.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDatabase, dropDatabase } from "@market/db/admin";
import { dataDir, repoRoot } from "@market/db/paths";
import { openStackDatabase, type StackDatabase } from "./database.ts";
import { openE2ePostgres, startPostgresControl, type E2ePostgres } from "./e2e-postgres.ts";
import { prepareDatabase } from "./prepare-database.ts";
import { productionAppEnv } from "./production-env.ts";
import { assertPortFree, startProcess, stopProcess, waitForHttp, type ManagedProcess } from "./processes.ts";

const { values } = parseArgs({ options: { only: { type: "string" } } });
const runUnit = values.only !== "e2e";
const runE2e = values.only !== "unit";

type Tally = { passed: number; failed: number; skipped: number };
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
// A phase that fails outside any test (a build, a server that never starts) counts as a failure.
let failedPhases = 0;
const processes: ManagedProcess[] = [];
let database: StackDatabase | undefined;
let e2eDatabase: string | undefined;
let e2ePostgres: E2ePostgres | undefined;

async function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const proc = startProcess(name, command, args, { cwd: repoRoot, env });
  processes.push(proc);
  return proc.exited;
}

function addVitestReport(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
  tally.passed += report.numPassedTests;
  tally.failed += report.numFailedTests;
  tally.skipped += report.numPendingTests;
}

function addPlaywrightReport(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  tally.passed += report.stats.expected + report.stats.flaky;
  tally.failed += report.stats.unexpected;
  tally.skipped += report.stats.skipped;
}

async function unitTests(serverUrl: string): Promise<boolean> {
  const reportsDir = path.join(repoRoot, ".data", "reports");
  rmSync(reportsDir, { recursive: true, force: true });
  const env = { ...process.env, NODE_ENV: "test", TEST_DATABASE_ADMIN_URL: serverUrl, VITEST_REPORTS_DIR: reportsDir, DATABASE_URL: undefined };
  // One package at a time: the machine has two cores and the integration tests share one server.
  const code = await run("vitest", "pnpm", ["-r", "--workspace-concurrency=1", "--if-present", "run", "test"], env);
  if (existsSync(reportsDir)) for (const f of readdirSync(reportsDir)) addVitestReport(path.join(reportsDir, f));
  return code === 0;
}

async function endToEndTests(db: StackDatabase): Promise<boolean> {
  const build = await run("build", "pnpm", ["exec", "turbo", "run", "build", "--filter=@market/storefront", "--filter=@market/seller"], {
    ...process.env,
    NODE_ENV: "production",
  });
  if (build !== 0) return false;
  // The container images copy these builds (.next/standalone, the bundled server.mjs, static files):
  // check that everything their Dockerfiles copy was produced, as no Docker engine runs here.
  const images = await run("images", "pnpm", ["--filter", "@market/deploy", "check:images"], process.env);
  if (images !== 0) {
    failedPhases += 1;
    return false;
  }

  // A server of its own, because the outage suite stops it (not the one shared with Vitest).
  e2ePostgres = await openE2ePostgres(db, { port: Number(process.env.E2E_POSTGRES_PORT ?? 5437) });
  e2eDatabase = `e2e_${Date.now()}`;
  await createDatabase(e2ePostgres.serverUrl, e2eDatabase);
  const databaseUrl = e2ePostgres.url(e2eDatabase);
  const filesDir = dataDir("files-e2e");
  rmSync(filesDir, { recursive: true, force: true });
  await prepareDatabase(databaseUrl, { filesDir });

  const storefrontURL = "http://localhost:3100";
  const sellerURL = "http://localhost:3101";
  const warehouseURL = "http://127.0.0.1:3102";
  await Promise.all([assertPortFree(3100), assertPortFree(3101), assertPortFree(3102)]);
  const env: NodeJS.ProcessEnv = {
    ...productionAppEnv({ databaseUrl, filesDir }),
    STOREFRONT_URL: storefrontURL,
    SELLER_URL: sellerURL,
    SIGN_IN_MAX_FAILURES_PER_CLIENT: "8",
    // The journey specs read the shoppers' emails there (a production build keeps it off otherwise).
    DEV_MAILBOX: "1",
    // Always the simulator, never a real warehouse a developer may have configured. The apps and
    // the worker find it through warehouseConfig() (same port, same secret from AUTH_SECRET).
    WAREHOUSE_URL: undefined,
    WAREHOUSE_SIMULATOR_PORT: "3102",
    WAREHOUSE_SIMULATOR_STEP_MS: "300",
  };
  // A state of its own, emptied each run: tasks from an earlier run would report on orders
  // this database never had.
  const warehouseStateDir = dataDir("warehouse-simulator-e2e");
  rmSync(warehouseStateDir, { recursive: true, force: true });
  const warehouse = startProcess("warehouse", "pnpm", ["--filter", "@market/warehouse-simulator", "start"], {
    cwd: repoRoot,
    // The apps run production builds (NODE_ENV=production); the specs drive the simulator's control API.
    env: { ...env, WAREHOUSE_SIMULATOR_STATE_FILE: path.join(warehouseStateDir, "state.json"), WAREHOUSE_SIMULATOR_CONTROL: "1" },
  });
  processes.push(warehouse);
  const storefront = startProcess("storefront", "pnpm", ["--filter", "@market/storefront", "start"], { cwd: repoRoot, env: { ...env, PORT: "3100" } });
  const seller = startProcess("seller", "pnpm", ["--filter", "@market/seller", "start"], { cwd: repoRoot, env: { ...env, PORT: "3101" } });
  const startWorker = () => startProcess("worker", "pnpm", ["--filter", "@market/worker", "start"], { cwd: repoRoot, env });
  let worker = startWorker();
  processes.push(storefront, seller, worker);
  await Promise.all([
    waitForHttp(`${storefrontURL}/api/health`, { proc: storefront }),
    waitForHttp(`${sellerURL}/api/health`, { proc: seller }),
    waitForHttp(`${warehouseURL}/health`, { proc: warehouse }),
  ]);

  const reportFile = path.join(repoRoot, ".data", "reports", "playwright.json");
  const code = await run("playwright", "pnpm", ["--filter", "@market/e2e", "exec", "playwright", "test"], {
    ...process.env,
    E2E_STOREFRONT_URL: storefrontURL,
    E2E_SELLER_URL: sellerURL,
    E2E_WAREHOUSE_URL: warehouseURL,
    E2E_CLIENT_SIGN_IN_LIMIT: "8",
    PLAYWRIGHT_JSON_REPORT: reportFile,
  });
  addPlaywrightReport(reportFile);

  // The outage suite (E2E_PHASE=outage selects it in playwright.config.ts) runs after the rest
  // and alone, whatever their outcome: while PostgreSQL is down any other spec would fail.
  if (!e2ePostgres.switch) {
    console.log("Outage suite skipped: DATABASE_URL names a server this pipeline must not stop.");
    return code === 0;
  }
  const pgSwitch = e2ePostgres.switch;
  const control = await startPostgresControl(pgSwitch, {
    // Back means back for the shopper: both apps healthy again (their pools reconnect by
    // themselves) and a worker running (restarted if the outage ended it).
    afterStart: async () => {
      await Promise.all([
        waitForHttp(`${storefrontURL}/api/health`, { proc: storefront, timeoutMs: 60_000 }),
        waitForHttp(`${sellerURL}/api/health`, { proc: seller, timeoutMs: 60_000 }),
      ]);
      if (worker.child.exitCode !== null || worker.child.signalCode !== null) {
        console.log("[e2e-control] the worker exited during the outage; starting it again");
        worker = startWorker();
        processes.push(worker);
      }
    },
  });
  const outageReport = path.join(repoRoot, ".data", "reports", "playwright-outage.json");
  const outageCode = await run("playwright-outage", "pnpm", ["--filter", "@market/e2e", "exec", "playwright", "test"], {
    ...process.env,
    E2E_PHASE: "outage",
    E2E_CONTROL_URL: control.url,
    E2E_STOREFRONT_URL: storefrontURL,
    E2E_SELLER_URL: sellerURL,
    E2E_WAREHOUSE_URL: warehouseURL,
    PLAYWRIGHT_JSON_REPORT: outageReport,
  });
  addPlaywrightReport(outageReport);
  await control.close();
  if (!pgSwitch.running) await pgSwitch.start(); // a spec that died mid-outage
  return code === 0 && outageCode === 0;
}

let ok = true;
const started = Date.now();
try {
  database = await openStackDatabase({ dataDirName: "postgres-test", port: Number(process.env.TEST_POSTGRES_PORT ?? 5433), durable: false });
  if (runUnit) {
    const typecheck = await run("typecheck", "pnpm", ["exec", "turbo", "run", "typecheck", "--output-logs=errors-only"], process.env);
    if (typecheck !== 0) failedPhases += 1;
    ok = typecheck === 0 && ok;
  }
  if (runUnit && ok) ok = (await unitTests(database.serverUrl)) && ok;
  if (runE2e && ok) ok = (await endToEndTests(database)) && ok;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  ok = false;
  failedPhases += 1;
} finally {
  await Promise.all(processes.map((p) => stopProcess(p)));
  if (e2ePostgres && e2eDatabase) await dropDatabase(e2ePostgres.serverUrl, e2eDatabase).catch(() => undefined);
  await e2ePostgres?.close();
  await database?.stop();
}
console.log(`\nFinished in ${Math.round((Date.now() - started) / 1000)} s`);
if (!ok && tally.failed === 0) failedPhases = Math.max(failedPhases, 1);
console.log(`Summary: ${tally.passed} passed, ${tally.failed + failedPhases} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
process.exit(ok && tally.failed === 0 ? 0 : 1);
