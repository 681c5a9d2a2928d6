// `pnpm test`: the whole suite, the same on a laptop and in CI.
//   0. type-check every package;
//   1. unit and integration tests (Vitest) of every package, on a real PostgreSQL;
//   2. production builds of both apps;
//   3. a fresh, seeded database, both apps (`next start`) and the worker;
//   4. the Playwright suites in Chromium.
// `--only unit` or `--only e2e` runs one half.
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDatabase, dropDatabase } from "@market/db/admin";
import { dataDir, repoRoot } from "@market/db/paths";
import { openStackDatabase, type StackDatabase } from "./database.ts";
import { prepareDatabase } from "./prepare-database.ts";
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

  e2eDatabase = `e2e_${Date.now()}`;
  await createDatabase(db.serverUrl, e2eDatabase);
  const databaseUrl = db.url(e2eDatabase);
  const filesDir = dataDir("files-e2e");
  rmSync(filesDir, { recursive: true, force: true });
  await prepareDatabase(databaseUrl, { filesDir });

  const storefrontURL = "http://localhost:3100";
  const sellerURL = "http://localhost:3101";
  await Promise.all([assertPortFree(3100), assertPortFree(3101)]);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    FILES_DIR: filesDir,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    STOREFRONT_URL: storefrontURL,
    SELLER_URL: sellerURL,
    SIGN_IN_MAX_FAILURES_PER_CLIENT: "8",
  };
  const storefront = startProcess("storefront", "pnpm", ["--filter", "@market/storefront", "start"], { cwd: repoRoot, env: { ...env, PORT: "3100" } });
  const seller = startProcess("seller", "pnpm", ["--filter", "@market/seller", "start"], { cwd: repoRoot, env: { ...env, PORT: "3101" } });
  const worker = startProcess("worker", "pnpm", ["--filter", "@market/worker", "start"], { cwd: repoRoot, env });
  processes.push(storefront, seller, worker);
  await Promise.all([
    waitForHttp(`${storefrontURL}/api/health`, { proc: storefront }),
    waitForHttp(`${sellerURL}/api/health`, { proc: seller }),
  ]);

  const reportFile = path.join(repoRoot, ".data", "reports", "playwright.json");
  const code = await run("playwright", "pnpm", ["--filter", "@market/e2e", "exec", "playwright", "test"], {
    ...process.env,
    E2E_STOREFRONT_URL: storefrontURL,
    E2E_SELLER_URL: sellerURL,
    E2E_CLIENT_SIGN_IN_LIMIT: "8",
    PLAYWRIGHT_JSON_REPORT: reportFile,
  });
  addPlaywrightReport(reportFile);
  return code === 0;
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
  if (database && e2eDatabase) await dropDatabase(database.serverUrl, e2eDatabase).catch(() => undefined);
  await database?.stop();
}
console.log(`\nFinished in ${Math.round((Date.now() - started) / 1000)} s`);
if (!ok && tally.failed === 0) failedPhases = Math.max(failedPhases, 1);
console.log(`Summary: ${tally.passed} passed, ${tally.failed + failedPhases} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
process.exit(ok && tally.failed === 0 ? 0 : 1);
