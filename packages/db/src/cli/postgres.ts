// `pnpm --filter @market/db postgres`: runs the embedded development PostgreSQL in the foreground
// (data in <repo>/.data/postgres, port EMBEDDED_POSTGRES_PORT or 5432) until Ctrl+C / SIGTERM,
// and creates the database named by DATABASE_NAME (default "marketplace") if it is missing.
// Useful for running the apps or `pnpm db:migrate` against a local server by hand.
import path from "node:path";
import { startEmbeddedPostgres } from "../embedded-postgres.ts";
import { dataDir, repoRoot } from "../paths.ts";
import { listDatabases, redactUrl } from "../postgres-admin.ts";
import { loadDotEnv } from "./run-cli.ts";

loadDotEnv();
const databaseName = process.env.DATABASE_NAME ?? "marketplace";
const started = performance.now();
const server = await startEmbeddedPostgres({
  dataDir: dataDir("postgres"),
  port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 5432),
});
if (!(await listDatabases(server.url(), databaseName)).includes(databaseName)) {
  await server.createDatabase(databaseName);
}
const where = path.relative(repoRoot, server.dataDir);
if (server.reused) {
  console.log(`PostgreSQL in ${where} is already running on port ${server.port}; nothing to do.`);
  console.log(`DATABASE_URL=${server.url(databaseName)}`);
  process.exit(0);
}
console.log(`PostgreSQL ${where} ready on port ${server.port} in ${Math.round(performance.now() - started)} ms.`);
console.log(`DATABASE_URL=${server.url(databaseName)}`);
console.log(`(${redactUrl(server.url(databaseName))}) Press Ctrl+C to stop.`);
// embedded-postgres' exit hook stops the server on SIGINT/SIGTERM/SIGHUP and then exits; keep
// the event loop alive until then.
setInterval(() => undefined, 1 << 30);
