export { AppError, isAppError, type AppErrorCode } from "./errors.ts";
// Re-exported so the API layer can answer 503 when PostgreSQL is down without depending on @market/db.
export { isDatabaseUnavailable } from "@market/db";
