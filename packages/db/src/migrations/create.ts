// Creates the next migration from a change to prisma/schema.prisma: our
// `prisma migrate dev --create-only`, without the native engine.
//
// `prisma migrate dev` replays the migrations in a "shadow database" and diffs it against the
// schema. The wasm engine's createMigration would need the driver adapter to provide that shadow
// database, so we do the same thing in the open instead: create a throw-away database on the same
// server, apply the existing migrations to it (which also proves they still apply cleanly), diff
// that database against the data model, and drop it again.
//
// The engine's diff ignores what the data model cannot express (CHECK constraints, extensions
// while the postgresqlExtensions preview feature is off, functions), so hand-written additions to
// migrations do not show up as changes.
import fs from "node:fs/promises";
import path from "node:path";
import { databaseUrlFor, dropDatabase, createDatabase, uniqueDatabaseName } from "../postgres-admin.ts";
import { migrationsDir as defaultMigrationsDir, repoRoot, schemaPath as defaultSchemaPath } from "../paths.ts";
import { applyMigrations } from "./apply.ts";
import {
  EMPTY_MIGRATION_SQL,
  ensureMigrationLock,
  listMigrationNames,
  nextMigrationFolderName,
  writeMigration,
} from "./migration-files.ts";
import { withSchemaEngine } from "./schema-engine.ts";

/** Prefix of the throw-away databases, so leftovers of an interrupted run are recognisable. */
export const SCRATCH_DATABASE_PREFIX = "prisma_migrate_scratch";

export interface SchemaDiffOptions {
  /** URL of any database on a server where the role may CREATE DATABASE. */
  serverUrl: string;
  /** Default: `<repo>/prisma/migrations`. */
  migrationsDir?: string;
  /** Default: `<repo>/prisma/schema.prisma`. */
  schemaPath?: string;
}

export interface SchemaDiff {
  /** True when the migrations already produce exactly the data model. */
  empty: boolean;
  /** SQL that turns the migrated database into the data model. */
  script: string;
  /** Human-readable list of the changes ("[+] Added tables ..."). */
  summary: string;
}

/** What the migrations are missing to match the data model (see the file comment for how). */
export async function diffMigrationsToSchema(options: SchemaDiffOptions): Promise<SchemaDiff> {
  const schemaFile = options.schemaPath ?? defaultSchemaPath;
  const schemaFiles = [{ path: path.relative(repoRoot, schemaFile), content: await fs.readFile(schemaFile, "utf8") }];
  const scratchName = uniqueDatabaseName(SCRATCH_DATABASE_PREFIX);
  const scratchUrl = databaseUrlFor(options.serverUrl, scratchName);

  await createDatabase(options.serverUrl, scratchName);
  try {
    await applyMigrations(scratchUrl, { migrationsDir: options.migrationsDir });
    return await withSchemaEngine(scratchUrl, async (engine) => {
      const script = await engine.diffDatabaseToSchema(schemaFiles, { script: true });
      const summary = await engine.diffDatabaseToSchema(schemaFiles, { script: false });
      return { empty: script.empty, script: script.output, summary: summary.output };
    });
  } finally {
    await dropDatabase(options.serverUrl, scratchName);
  }
}

export interface CreateMigrationOptions extends SchemaDiffOptions {
  /** Free text; becomes the folder's name part, e.g. "Add stock checks" -> add_stock_checks. */
  name: string;
  /** Write an empty migration for hand-written SQL, whatever the diff says. */
  empty?: boolean;
  /** Clock for the folder timestamp (tests). */
  now?: Date;
}

export interface CreatedMigration {
  /** e.g. 20250101120000_add_stock_checks */
  folderName: string;
  /** Absolute path of the new migration.sql. */
  path: string;
  sql: string;
  /** Human-readable list of the changes (empty for an empty migration). */
  summary: string;
}

/**
 * Writes the next migration folder, or returns null when the schema has no changes (and `empty`
 * is not set). Also writes migration_lock.toml if missing, as Prisma does.
 */
export async function createMigration(options: CreateMigrationOptions): Promise<CreatedMigration | null> {
  const directory = options.migrationsDir ?? defaultMigrationsDir;
  // Validate the name before the (slower) diff.
  const existing = await listMigrationNames(directory);
  nextMigrationFolderName(options.name, existing, options.now);

  let sql = EMPTY_MIGRATION_SQL;
  let summary = "";
  if (!options.empty) {
    const diff = await diffMigrationsToSchema(options);
    if (diff.empty) return null;
    sql = diff.script;
    summary = diff.summary;
  }

  await ensureMigrationLock(directory);
  // Recomputed after the diff, in case a teammate's migration arrived meanwhile (git pull).
  const folderName = nextMigrationFolderName(options.name, await listMigrationNames(directory), options.now);
  const file = await writeMigration(directory, folderName, sql);
  return { folderName, path: file, sql, summary };
}
