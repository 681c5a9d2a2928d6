// Telling "the database is down" apart from every other failure, so callers can answer 503 (and
// have the client keep its changes or the sender retry) instead of a generic 500.

/** Prisma codes for a server that cannot be reached or dropped the connection. */
const PRISMA_UNREACHABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
/** Driver-adapter error kinds with the same meaning. */
const ADAPTER_UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TlsConnectionError"]);
/** Node socket errors. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);
/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01..57P03 (shutting down, crash
 * recovery, starting up), 53300 (too many connections).
 */
function isUnavailableSqlState(code: string): boolean {
  return code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03" || code === "53300";
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
}

/** True when `error` (or anything it wraps) says the database server is unreachable or restarting. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  const e = asRecord(error);
  if (!e || depth > 5) return false;
  const code = typeof e.code === "string" ? e.code : undefined;
  if (code && (PRISMA_UNREACHABLE_CODES.has(code) || SOCKET_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && isUnavailableSqlState(code)))) {
    return true;
  }
  if (typeof e.kind === "string" && ADAPTER_UNREACHABLE_KINDS.has(e.kind)) return true;
  // The pg adapter reports a server-side error as { kind: "postgres", code: "57P01" }.
  if (e.kind === "postgres" && typeof e.code === "string" && isUnavailableSqlState(e.code)) return true;
  const message = typeof e.message === "string" ? e.message : "";
  if (/Connection terminated|Can't reach database server|terminating connection due to administrator command|the database system is (starting up|shutting down)/i.test(message)) {
    return true;
  }
  const meta = asRecord(e.meta);
  return (
    isDatabaseUnavailable(meta?.driverAdapterError, depth + 1) ||
    isDatabaseUnavailable(e.cause, depth + 1) ||
    (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1)))
  );
}
