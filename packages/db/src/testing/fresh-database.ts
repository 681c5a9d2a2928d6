// Fresh, migrated databases for integration tests: one per test file (or per test), so tests can
// run in parallel without seeing each other's rows, and a failure leaves nothing shared dirty.
//
// The server comes from an "admin URL" (any database on a server where the role may CREATE
// DATABASE): the `adminUrl` option, else TEST_DATABASE_ADMIN_URL (set by the Vitest global setup,
// see vitest-global-setup.ts), else DATABASE_URL.
import { applyMigrations } from "../migrations/apply.ts";
import { createDatabase, databaseUrlFor, dropDatabase, uniqueDatabaseName } from "../postgres-admin.ts";

/** Prefix of every test database, so the global setup can clear leftovers of crashed runs. */
export const TEST_DATABASE_PREFIX = "test";

export interface FreshDatabaseOptions {
  /** Server to create the database on; see the file comment for the default. */
  adminUrl?: string;
  /** Part of the database name, to tell test files apart in psql (letters, digits, _). */
  label?: string;
  /** Apply prisma/migrations (default true). false gives an empty database. */
  migrate?: boolean;
  /** Migrations folder to apply instead of `<repo>/prisma/migrations`. */
  migrationsDir?: string;
}

export interface FreshDatabase {
  /** e.g. test_orders_20250101120000_1a2b3c4d */
  name: string;
  /** Connection URL of the new database. */
  url: string;
  /** Migrations applied to it. */
  applied: string[];
  /** Drops the database (closing any connections still open on it). Idempotent. */
  drop(): Promise<void>;
}

/** The server tests should use, or an error saying how to provide one. */
export function testAdminUrl(): string {
  const url = process.env.TEST_DATABASE_ADMIN_URL ?? process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "No database server for tests: run them through Vitest with @market/db's global setup " +
        "(it starts an embedded PostgreSQL), or set TEST_DATABASE_ADMIN_URL or DATABASE_URL.",
    );
  }
  return url;
}

/** Creates a uniquely named database, applies the migrations, and returns its URL. */
export async function createFreshDatabase(options: FreshDatabaseOptions = {}): Promise<FreshDatabase> {
  const adminUrl = options.adminUrl ?? testAdminUrl();
  const prefix = options.label ? `${TEST_DATABASE_PREFIX}_${options.label}` : TEST_DATABASE_PREFIX;
  const name = uniqueDatabaseName(prefix);
  const url = databaseUrlFor(adminUrl, name);
  await createDatabase(adminUrl, name);

  let dropped: Promise<void> | undefined;
  const drop = () => (dropped ??= dropDatabase(adminUrl, name));
  try {
    const applied = options.migrate === false ? [] : await applyMigrations(url, { migrationsDir: options.migrationsDir });
    return { name, url, applied, drop };
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
}
