export { AppError, isAppError, type AppErrorCode } from "./errors.ts";
