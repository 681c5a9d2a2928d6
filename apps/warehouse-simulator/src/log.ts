// One JSON object per line, like the worker's logs, so the same collectors read both.
export type LogLevel = "info" | "warn" | "error";
export type Log = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void;

export const jsonLog: Log = (level, msg, fields = {}) => {
  const line = JSON.stringify({ time: new Date().toISOString(), level, service: "warehouse-simulator", msg, ...fields });
  if (level === "error") console.error(line);
  else console.log(line);
};

export const silentLog: Log = () => {};
