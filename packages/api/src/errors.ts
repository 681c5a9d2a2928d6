// The one place where application errors become tRPC errors, and where internal errors are
// stripped of anything a user must not see (stack traces, SQL, driver messages).
import { isAppError, isDatabaseUnavailable, type AppErrorCode } from "@market/domain";
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { ZodError } from "zod";

const codeMap: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

export const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side. Please try again in a moment.";
export const DATABASE_UNAVAILABLE_MESSAGE = "We can't reach our database right now. Please try again in a moment.";

/** Converts whatever a procedure threw into an error safe to show. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (isAppError(error)) return new TRPCError({ code: codeMap[error.code], message: error.message, cause: error });
  if (error instanceof ZodError) {
    return new TRPCError({ code: "BAD_REQUEST", message: error.issues[0]?.message ?? "Invalid input", cause: error });
  }
  // 503, not 500: the request may well succeed later, and clients act on that (the cart keeps
  // changes on the device and replays them; webhook senders retry).
  if (isDatabaseUnavailable(error)) return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, cause: error });
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: INTERNAL_ERROR_MESSAGE, cause: error });
}

/** Field messages for forms: `{ email: "Enter a valid email address" }`. */
export function fieldErrors(error: unknown): Record<string, string> | null {
  if (error instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) {
      const key = issue.path.join(".");
      if (key && !fields[key]) fields[key] = issue.message;
    }
    return fields;
  }
  if (isAppError(error) && error.details?.fields) return error.details.fields;
  return null;
}
