// One JSON object per line through pino, like every other process, so the same collectors read all.
import { getLogger } from "@market/observability/log";

export type LogLevel = "info" | "warn" | "error";
export type Log = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void;

export const jsonLog: Log = (level, msg, fields = {}) => getLogger("warehouse-simulator")[level](fields, msg);

export const silentLog: Log = () => {};
