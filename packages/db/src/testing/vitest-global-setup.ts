// Vitest globalSetup: makes sure tests have a PostgreSQL server to create databases on.
//
// - TEST_DATABASE_ADMIN_URL or DATABASE_URL set: that server is used as is.
// - Neither set: the embedded PostgreSQL in <repo>/.data/postgres-test on port 5433
//   (EMBEDDED_POSTGRES_TEST_PORT overrides) is started (or reused if already running), with
//   durability off for speed, and stopped after the run if this run started it. When this run
//   starts it, databases left by crashed runs (test_*) are dropped first: it holds nothing else.
//
// The admin URL reaches the tests twice: as process.env.TEST_DATABASE_ADMIN_URL (read by
// createFreshDatabase) and through Vitest's provide/inject as "testDatabaseAdminUrl".
// Use from another package's vitest.config.ts:
//   test: { globalSetup: ["@market/db/vitest-global-setup"] }
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../embedded-postgres.ts";
import { dataDir } from "../paths.ts";
import { dropDatabase, listDatabases } from "../postgres-admin.ts";
import { TEST_DATABASE_PREFIX } from "./fresh-database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL;
  let stop: () => Promise<void> = async () => {};

  if (!adminUrl) {
    const started = performance.now();
    const server = await startEmbeddedPostgres({
      dataDir: dataDir("postgres-test"),
      port: Number(process.env.EMBEDDED_POSTGRES_TEST_PORT ?? 5433),
      durable: false,
    });
    adminUrl = server.url();
    // Only when we started it: a reused server may belong to a test run still going on.
    if (!server.reused) {
      for (const name of await listDatabases(adminUrl, `${TEST_DATABASE_PREFIX}_`)) {
        await dropDatabase(adminUrl, name);
      }
    }
    if (process.env.DEBUG) {
      console.log(
        `[db] embedded PostgreSQL on port ${server.port} ${server.reused ? "reused" : "started"} in ${Math.round(performance.now() - started)} ms`,
      );
    }
    stop = () => server.stop();
  }

  process.env.TEST_DATABASE_ADMIN_URL = adminUrl;
  project.provide("testDatabaseAdminUrl", adminUrl);
  return stop;
}
