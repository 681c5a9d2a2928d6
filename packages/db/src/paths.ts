// Where the database files live in the repository.
//
// Computed from this file's location rather than process.cwd(), so the scripts behave the same
// whether they are started from the repository root (`pnpm db:migrate`), from packages/db, or
// imported by another package's tests. Keep in sync with packages/db/prisma.config.ts, which the
// Prisma CLI (`prisma generate`) reads.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo's root folder (three levels above packages/db/src/paths.ts). */
export const repoRoot: string = fileURLToPath(new URL("../../../", import.meta.url));

/** The Prisma data model. */
export const schemaPath: string = path.join(repoRoot, "prisma", "schema.prisma");

/** `prisma/migrations/<yyyymmddhhmmss>_<name>/migration.sql`, the layout `prisma migrate` uses. */
export const migrationsDir: string = path.join(repoRoot, "prisma", "migrations");

/**
 * A folder under `<repo>/.data/` (git-ignored) for local state such as an embedded PostgreSQL
 * cluster: `dataDir("postgres")` for development, `dataDir("postgres-test")` for tests.
 */
export function dataDir(name: string): string {
  return path.join(repoRoot, ".data", name);
}
