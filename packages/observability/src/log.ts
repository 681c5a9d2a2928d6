// Structured logs: one JSON object per line on stdout (pino), the same shape in every process, so
// one collector (the cluster's, or `jq` locally) reads the apps, the worker and the simulator alike.
// Every line of a request carries its requestId; the outbox row and the worker's lines carry it too.
import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

const LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

export function createLogger(service: string, { level = process.env.LOG_LEVEL, destination }: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: level && LEVELS.has(level) ? level : "info",
      base: { service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"info" rather than pino's numbers: readable with grep, and what our older lines used.
      formatters: { level: (label) => ({ level: label }) },
      messageKey: "msg",
      // Credentials must never reach a log line, whichever object a caller hands over.
      redact: {
        paths: ["authorization", "cookie", "password", "token", "*.authorization", "*.cookie", "*.password", "*.token", "headers.authorization", "headers.cookie", 'headers["stripe-signature"]', 'headers["x-warehouse-signature"]'],
        censor: "[redacted]",
      },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    },
    destination ?? pino.destination({ sync: true }),
  );
}

// One logger per service and process, also when Next bundles this module into several chunks or
// the custom server carries its own copy: they all write through the same instance.
const LOGGERS = Symbol.for("market.observability.loggers");
const CAPTURE = Symbol.for("market.observability.capture");
type WithLoggers = typeof globalThis & { [LOGGERS]?: Map<string, Logger>; [CAPTURE]?: ((line: string) => void) | undefined };

// stdout, unless a test is capturing the lines (captureLogs).
let stdout: DestinationStream | undefined;
const processDestination: DestinationStream = {
  write(line: string) {
    const capture = (globalThis as WithLoggers)[CAPTURE];
    if (capture) capture(line);
    else (stdout ??= pino.destination({ sync: true })).write(line);
  },
};

/** The process's logger for a service ("storefront", "seller", "worker", ...). */
export function getLogger(service: string): Logger {
  const store = ((globalThis as WithLoggers)[LOGGERS] ??= new Map());
  let logger = store.get(service);
  if (!logger) store.set(service, (logger = createLogger(service, { destination: processDestination })));
  return logger;
}

/** For tests: the process loggers' lines go to `lines` (raw JSON, one per entry) until restore(). */
export function captureLogs(): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const holder = globalThis as WithLoggers;
  const previous = holder[CAPTURE];
  holder[CAPTURE] = (line) => void lines.push(line.trimEnd());
  return { lines, restore: () => void (holder[CAPTURE] = previous) };
}

/** The logger for one request or job: every line it writes names the request that caused it. */
export function forRequest(logger: Logger, requestId: string | null | undefined, fields: Record<string, unknown> = {}): Logger {
  return logger.child(requestId ? { requestId, ...fields } : fields);
}

const SERVICE = Symbol.for("market.observability.service");
type WithService = typeof globalThis & { [SERVICE]?: string };

/** Names the process once at start-up ("storefront", "worker"), for code shared by every process. */
export function setProcessService(service: string): void {
  (globalThis as WithService)[SERVICE] = service;
}

/** The logger of this process's service (set by setProcessService; "market" before that). */
export function processLogger(): Logger {
  return getLogger((globalThis as WithService)[SERVICE] ?? "market");
}
