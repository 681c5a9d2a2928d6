// Server-level helpers (create/drop a database, derive URLs) that work against any PostgreSQL
// server: the embedded one, a developer's own, or CI's. They use plain `pg` clients because
// CREATE/DROP DATABASE cannot run through Prisma's query engine or inside a transaction.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** `url` with its database name replaced by `databaseName` (credentials, host, params kept). */
export function databaseUrlFor(url: string, databaseName: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(databaseName)}`;
  return parsed.toString();
}

/** The database name in a postgres URL (`postgres` when the URL names none, as libpq does). */
export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  return name || "postgres";
}

/** The URL with its password replaced by `***`, for printing. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<unparsable database URL>";
  }
}

/**
 * A fresh database name: `<prefix>_<utc yyyymmddhhmmss>_<random>`, lower-case so it never needs
 * quoting in psql, and well under PostgreSQL's 63-byte identifier limit. The timestamp makes
 * leftovers of crashed runs easy to spot and to sort.
 */
export function uniqueDatabaseName(prefix: string): string {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const safePrefix = prefix.toLowerCase().replace(/[^a-z0-9_]/g, "_").slice(0, 30);
  return `${safePrefix}_${stamp}_${randomBytes(4).toString("hex")}`;
}

/** Runs `fn` with a connected client and always closes it. */
export async function withPgClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  // A short connect timeout: these helpers run from CLIs and test setup, where a wrong URL should
  // fail in seconds rather than hang.
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Creates database `name` on the server `serverUrl` points at. `serverUrl` may name any existing
 * database on that server (the new one is created next to it); its role needs CREATEDB.
 */
export async function createDatabase(serverUrl: string, name: string): Promise<void> {
  await withPgClient(serverUrl, async (client) => {
    try {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    } catch (error) {
      if ((error as { code?: string }).code === "42501") {
        throw new Error(
          `The role in ${redactUrl(serverUrl)} may not create databases (needs CREATEDB): ${(error as Error).message}`,
          { cause: error },
        );
      }
      throw error;
    }
  });
}

/** Creates database `name` unless it is already there (a dev database survives restarts). */
export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const exists = await withPgClient(serverUrl, async (client) => {
    const result = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return (result.rowCount ?? 0) > 0;
  });
  if (!exists) await createDatabase(serverUrl, name);
}

/**
 * Drops database `name` if it exists. WITH (FORCE) (PostgreSQL 13+) disconnects sessions still
 * open on it (a test's leaked pool, say), which would otherwise make the drop fail.
 */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  if (name === databaseNameOf(serverUrl)) {
    throw new Error(`Refusing to drop database "${name}": it is the one the admin connection uses.`);
  }
  await withPgClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  });
}

/** Names of the databases on the server whose names start with `prefix`. */
export async function listDatabases(serverUrl: string, prefix = ""): Promise<string[]> {
  return withPgClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE NOT datistemplate AND starts_with(datname, $1) ORDER BY datname",
      [prefix],
    );
    return rows.map((row) => row.datname);
  });
}
