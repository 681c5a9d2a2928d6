// The worker's logs: pino JSON lines (see @market/observability/log), including graphile-worker's
// own lines, which carry the job's task, id and worker id, and the request id where a job has one.
import { getLogger, setProcessService, type Logger as Pino } from "@market/observability/log";
import { Logger, type LogFunctionFactory } from "graphile-worker";

// Shared domain code logs through processLogger(): in this process, as the worker.
setProcessService("worker");
export const workerLogger: Pino = getLogger("worker");

/** graphile-worker's logger, writing through pino with its scope (task, job, worker) as fields. */
export function graphileLogger(pino: Pino = workerLogger): Logger {
  const factory: LogFunctionFactory = (scope) => {
    const scoped = pino.child(scope);
    return (level, message, meta) => {
      const method = level === "warning" ? "warn" : level === "error" ? "error" : level === "debug" ? "debug" : "info";
      scoped[method](meta ?? {}, message);
    };
  };
  return new Logger(factory);
}

/**
 * For code that hands over a finished JSON line ({"level","msg",...}, as heartbeat.ts does): the
 * same line through pino, so it gets the time, service and pid every other line has.
 */
export function logJsonLine(line: string, pino: Pino = workerLogger): void {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    pino.info(line);
    return;
  }
  const { level, msg, ...fields } = record;
  const method = level === "error" || level === "warn" || level === "debug" ? level : "info";
  pino[method](fields, typeof msg === "string" ? msg : "");
}
