// Applies prisma/migrations to a database: our `prisma migrate deploy`, without the native engine.
//
// It runs the same engine command `prisma migrate deploy` runs (applyMigrations), with the same
// input, so the bookkeeping is identical: one row per migration in `_prisma_migrations`, with the
// SHA-256 checksum of migration.sql, started/finished times and applied_steps_count. Already
// applied migrations are skipped, also when their file was edited since (deploy does not check
// checksums either: never edit an applied migration, add a new one); a failed one blocks further
// applies (P3009) until it is marked rolled back.
// Each migration.sql runs as one multi-statement query, so PostgreSQL applies it atomically.
import { migrationsDir as defaultMigrationsDir } from "../paths.ts";
import { readMigrationsList } from "./migration-files.ts";
import { withSchemaEngine } from "./schema-engine.ts";

export { SchemaEngineError } from "./schema-engine.ts";

export interface ApplyMigrationsOptions {
  /** Folder of migrations. Default: `<repo>/prisma/migrations`. */
  migrationsDir?: string;
}

/**
 * Applies every migration in the migrations folder that `databaseUrl` has not applied yet, in
 * name order. Returns the names applied now (empty when the database was up to date).
 * Throws SchemaEngineError when a migration fails or the history is in a failed state.
 */
export async function applyMigrations(databaseUrl: string, options: ApplyMigrationsOptions = {}): Promise<string[]> {
  const migrationsList = await readMigrationsList(options.migrationsDir ?? defaultMigrationsDir);
  return withSchemaEngine(databaseUrl, (engine) => engine.applyMigrations(migrationsList));
}

/**
 * Marks a failed migration as rolled back (our `prisma migrate resolve --rolled-back <name>`),
 * after you have undone whatever part of it took effect, so the next apply retries it.
 */
export async function markMigrationRolledBack(databaseUrl: string, migrationName: string): Promise<void> {
  await withSchemaEngine(databaseUrl, (engine) => engine.markMigrationRolledBack(migrationName));
}
