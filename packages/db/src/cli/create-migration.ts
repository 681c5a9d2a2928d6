// `pnpm db:migration:create <name> [--empty]`: writes the next migration from the changes made to
// prisma/schema.prisma (our `prisma migrate dev --create-only`; see migrations/create.ts for how).
// It does not apply it: review the SQL, add what Prisma cannot express, then `pnpm db:migrate`.
//
// The throw-away database is created on DATABASE_URL's server. Without DATABASE_URL the embedded
// development server (.data/postgres, port EMBEDDED_POSTGRES_PORT or 5432) is used: reused if it
// is already running, otherwise started for the duration of the command.
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../embedded-postgres.ts";
import { createMigration } from "../migrations/create.ts";
import { dataDir, repoRoot, schemaPath } from "../paths.ts";
import { redactUrl } from "../postgres-admin.ts";
import { runCli } from "./run-cli.ts";

const usage = `Usage: pnpm db:migration:create <name> [--empty]
  <name>    what the migration does, e.g. "add stock checks" (becomes <timestamp>_add_stock_checks)
  --empty   create an empty migration for hand-written SQL`;

await runCli(async () => {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  if (args.includes("--help") || args.includes("-h")) {
    console.log(usage);
    return 0;
  }
  const empty = args.includes("--empty");
  const words = args.filter((arg) => arg !== "--empty");
  if (words.length === 0 || words.some((word) => word.startsWith("-"))) {
    console.error(usage);
    return 2;
  }
  const name = words.join(" ");

  let server: EmbeddedPostgres | undefined;
  let serverUrl = process.env.DATABASE_URL;
  try {
    if (!serverUrl) {
      const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 5432);
      server = await startEmbeddedPostgres({ dataDir: dataDir("postgres"), port });
      serverUrl = server.url();
      console.log(
        `DATABASE_URL is not set: using the embedded PostgreSQL in ${path.relative(repoRoot, server.dataDir)} ` +
          `on port ${server.port} (${server.reused ? "already running" : "started for this command"}).`,
      );
    } else {
      console.log(`Using the server of ${redactUrl(serverUrl)} for a throw-away database.`);
    }

    const created = await createMigration({ serverUrl, name, empty });
    if (!created) {
      console.log(`No changes: the migrations already produce ${path.relative(repoRoot, schemaPath)}.`);
      return 0;
    }
    console.log(`Created ${path.relative(repoRoot, created.path)}`);
    if (created.summary.trim()) console.log(`\n${created.summary.trim()}\n`);
    console.log("Review it (add CHECK constraints and other SQL Prisma cannot express), then run `pnpm db:migrate`.");
    return 0;
  } finally {
    await server?.stop();
  }
});
