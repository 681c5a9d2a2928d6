// The Prisma client for the apps: Rust-free generated client + the `pg` driver adapter (Prisma 7
// connects through a driver adapter; no native query engine is involved).
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export interface CreatePrismaClientOptions {
  /**
   * How long to wait for a new connection before failing, in ms. Default 5000: pg's own default
   * is to wait forever, so an unreachable database would hang every request. (pg ignores
   * `connect_timeout` in the URL, hence an option.)
   */
  connectionTimeoutMillis?: number;
  /** Most connections the pool opens. Default 10 (pg's default). */
  maxConnections?: number;
  /**
   * Keep statements prepared on each connection (named prepared statements), so PostgreSQL parses
   * and plans a query once per connection instead of on every call. Default true; turn it off
   * (DATABASE_PREPARED_STATEMENTS=false) behind a pooler in transaction mode that does not track
   * prepared statements (PgBouncer before 1.21, or without max_prepared_statements).
   */
  preparedStatements?: boolean;
}

// Statements whose text varies with their input (IN lists, batch inserts) would each be kept on
// every connection for good; only the fixed-shape ones, which are nearly all, are prepared.
const MAX_PREPARED_PARAMETERS = 32;

// Names by statement text: hashing the text on every call showed up in profiles. The texts are a
// few hundred shapes; the bound only guards against a caller that builds many.
const statementNames = new Map<string, string>();
const MAX_REMEMBERED_NAMES = 5_000;

function statementName(query: { sql: string; args: unknown[] }): string {
  if (query.args.length > MAX_PREPARED_PARAMETERS) return "";
  let name = statementNames.get(query.sql);
  if (name === undefined) {
    name = `p${createHash("sha1").update(query.sql).digest("base64url").slice(0, 20)}`;
    if (statementNames.size >= MAX_REMEMBERED_NAMES) statementNames.clear();
    statementNames.set(query.sql, name);
  }
  return name;
}

/**
 * A new client on `databaseUrl`, with its own connection pool. Most code should use the shared
 * {@link getPrisma}; create your own for a second database, or in tests that get a fresh
 * database each (and call `$disconnect()` when done).
 */
export function createPrismaClient(databaseUrl: string, options: CreatePrismaClientOptions = {}): PrismaClient {
  if (!databaseUrl) throw new Error("createPrismaClient: the database URL is empty.");
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    max: options.maxConnections ?? 10,
  }, options.preparedStatements === false ? {} : { statementNameGenerator: statementName });
  // Outside production Prisma's errors quote the calling line of code, which it finds by
  // capturing a stack trace on every query, error or not: 15-20 % of a raw query's client CPU,
  // measured. Production errors are logged with their own stack anyway.
  return new PrismaClient({ adapter, ...(process.env.NODE_ENV === "production" ? { errorFormat: "minimal" as const } : {}) });
}

// In development Next.js re-evaluates modules on every hot reload; keeping the client on
// globalThis stops each reload from opening another pool until PostgreSQL runs out of
// connections. In production a module-level variable is enough (and explicit).
const globalCache = globalThis as typeof globalThis & { __marketPrisma?: PrismaClient };
let sharedClient: PrismaClient | undefined;

/**
 * The process-wide client on DATABASE_URL, created on first use (so importing @market/db never
 * needs the variable, e.g. during `next build`). Throws if DATABASE_URL is unset.
 */
export function getPrisma(): PrismaClient {
  sharedClient ??= globalCache.__marketPrisma;
  if (sharedClient) return sharedClient;
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error(
      "DATABASE_URL is not set, so @market/db cannot connect. Set it to a PostgreSQL URL, e.g. " +
        "postgresql://postgres:postgres@localhost:5432/marketplace for the embedded development server.",
    );
  }
  // Read directly: the apps, the worker and the scripts each parse their own env schema (which
  // validates this value); this client is shared by all of them.
  const prepared = process.env.DATABASE_PREPARED_STATEMENTS?.trim().toLowerCase();
  sharedClient = createPrismaClient(databaseUrl, { preparedStatements: !(prepared === "false" || prepared === "0") });
  if (process.env.NODE_ENV !== "production") globalCache.__marketPrisma = sharedClient;
  return sharedClient;
}

/** Disconnects the shared client (graceful shutdown, end of tests); the next getPrisma() reconnects. */
export async function disconnectPrisma(): Promise<void> {
  const client = sharedClient ?? globalCache.__marketPrisma;
  sharedClient = undefined;
  globalCache.__marketPrisma = undefined;
  await client?.$disconnect();
}

export interface DatabasePing {
  ok: boolean;
  /** Time until the answer (or the failure). */
  latencyMs: number;
  /** Why it failed, when ok is false. */
  error?: string;
}

/**
 * `SELECT 1` through the shared client (or `options.prisma`), for health checks. Never throws:
 * a missing DATABASE_URL, a refused connection or no answer within `timeoutMs` (default 2000)
 * all give `{ ok: false, error }`.
 */
export async function pingDatabase(options: { prisma?: PrismaClient; timeoutMs?: number } = {}): Promise<DatabasePing> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  try {
    const client = options.prisma ?? getPrisma();
    const query = client.$queryRaw`SELECT 1`;
    query.catch(() => undefined); // it may fail after we stopped waiting
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      timer.unref();
    });
    await Promise.race([query, timeout]);
    return { ok: true, latencyMs: elapsed() };
  } catch (error) {
    return { ok: false, latencyMs: elapsed(), error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
