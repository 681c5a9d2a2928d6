// `pnpm db:migrate`: applies pending migrations to DATABASE_URL (our `prisma migrate deploy`).
// `pnpm db:migrate --rolled-back <name>`: marks a failed migration as rolled back so the next run
// retries it (our `prisma migrate resolve --rolled-back`, which needs the native engine too).
//
// It never starts a database by itself: a missing DATABASE_URL in production must fail, not
// migrate some local database and report success.
import path from "node:path";
import { applyMigrations, markMigrationRolledBack } from "../migrations/apply.ts";
import { migrateJobQueue } from "../migrations/job-queue.ts";
import { listMigrationNames } from "../migrations/migration-files.ts";
import { migrationsDir, repoRoot } from "../paths.ts";
import { redactUrl } from "../postgres-admin.ts";
import { requireDatabaseUrl, runCli } from "./run-cli.ts";

const usage = `Usage:
  pnpm db:migrate                        apply pending migrations to DATABASE_URL
  pnpm db:migrate --rolled-back <name>   mark a failed migration as rolled back`;

await runCli(async () => {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  if (args.includes("--help") || args.includes("-h")) {
    console.log(usage);
    return 0;
  }
  const databaseUrl = requireDatabaseUrl();
  const target = redactUrl(databaseUrl);

  if (args[0] === "--rolled-back") {
    const name = args[1];
    if (!name || args.length > 2) {
      console.error(usage);
      return 2;
    }
    await markMigrationRolledBack(databaseUrl, name);
    console.log(`Marked ${name} as rolled back in ${target}. The next \`pnpm db:migrate\` retries it.`);
    return 0;
  }
  if (args.length > 0) {
    console.error(`Unknown arguments: ${args.join(" ")}\n${usage}`);
    return 2;
  }

  const folder = path.relative(repoRoot, migrationsDir);
  const all = await listMigrationNames(migrationsDir);
  console.log(`Applying ${all.length} migration(s) from ${folder} to ${target}`);
  const started = performance.now();
  const applied = await applyMigrations(databaseUrl);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (applied.length === 0) {
    console.log(`Already up to date (${seconds} s).`);
  } else {
    console.log(`Applied ${applied.length} migration(s) in ${seconds} s:`);
    for (const name of applied) console.log(`  ${name}`);
  }
  await migrateJobQueue(databaseUrl);
  console.log("Job queue schema (graphile_worker) is up to date.");
  return 0;
});
