// The Seller REST API's error answers. Every failure, whoever raised it, leaves as
// `{ error: { code, message, details? } }` with a stable snake_case code scripts can branch on
// and a sentence a person can read. The mapping from the domain's AppError codes (and from zod's
// validation errors) to HTTP statuses and API codes lives here and nowhere else.
import { isDatabaseUnavailable } from "@market/db";
import { ZodError, type z } from "zod";
import { isAppError, type AppErrorCode } from "../errors.ts";

/** Every code the API answers with; the OpenAPI document lists them. */
export const API_ERROR_CODES = {
  invalid_json: { status: 400, description: "The body is not valid JSON." },
  unauthorized: { status: 401, description: "No API key, or an unknown or revoked one." },
  forbidden: { status: 403, description: "The key lacks the scope the operation needs, or the shop is suspended." },
  not_found: { status: 404, description: "No such resource among the key's shop's resources (another shop's resources are not found either)." },
  method_not_allowed: { status: 405, description: "The path exists but not with this method." },
  conflict: { status: 409, description: "The request conflicts with the resource's current state." },
  request_in_progress: { status: 409, description: "A request with the same Idempotency-Key is still running; retry shortly." },
  payload_too_large: { status: 413, description: "The body is larger than the API accepts." },
  unsupported_media_type: { status: 415, description: "The body must be JSON (Content-Type: application/json)." },
  validation_failed: { status: 422, description: "The request is well-formed but invalid; details.fields names each bad field or item, and nothing was applied." },
  idempotency_key_reused: { status: 422, description: "The Idempotency-Key was already used with a different request." },
  rate_limited: { status: 429, description: "Too many requests for this key; wait Retry-After seconds." },
  internal_error: { status: 500, description: "Something failed on our side; nothing is half-applied, retry later." },
  unavailable: { status: 503, description: "A dependency (the database) is down; retry after Retry-After seconds." },
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;
export type ApiErrorDetails = { fields?: Record<string, string>; [key: string]: unknown };
export type ApiErrorBody = { error: { code: ApiErrorCode; message: string; details?: ApiErrorDetails } };

/** An answer the API gives on purpose (as opposed to a bug), thrown from anywhere in a request. */
export class SellerApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: ApiErrorDetails,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "SellerApiError";
    this.status = API_ERROR_CODES[code].status;
  }

  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

// Semantic problems in a well-formed request are 422 on this API (400 is only unparseable JSON),
// so every BAD_REQUEST from the domain is a validation failure.
const fromAppError: Record<AppErrorCode, ApiErrorCode> = {
  BAD_REQUEST: "validation_failed",
  UNAUTHORIZED: "unauthorized",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "not_found",
  CONFLICT: "conflict",
  RATE_LIMITED: "rate_limited",
  UNAVAILABLE: "unavailable",
};

export const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side. Nothing was applied; please try again in a moment.";
export const UNAVAILABLE_MESSAGE = "We can't reach our database right now. Please try again in a moment.";
const UNAVAILABLE_RETRY_SECONDS = 30;

/** `{ "stocks.3.quantity": "..." }`: one message per field, the first zod raised for it. */
export function zodFieldErrors(error: z.ZodError, prefix?: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body";
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * Whatever a request threw, as the answer to give. Unknown errors become a bare internal_error:
 * their messages (SQL, driver text, stack traces) never reach the caller; `unexpected` tells the
 * caller to log them.
 */
export function toSellerApiError(error: unknown): { error: SellerApiError; unexpected: boolean } {
  if (error instanceof SellerApiError) return { error, unexpected: false };
  if (isAppError(error)) {
    const code = fromAppError[error.code];
    const headers: Record<string, string> = {};
    if (error.details?.retryAfterSeconds !== undefined) headers["Retry-After"] = String(error.details.retryAfterSeconds);
    const details = error.details?.fields ? { fields: error.details.fields } : undefined;
    return { error: new SellerApiError(code, error.message, details, headers), unexpected: false };
  }
  if (error instanceof ZodError) {
    return { error: new SellerApiError("validation_failed", "The request is not valid; see details.fields.", { fields: zodFieldErrors(error) }), unexpected: false };
  }
  if (isDatabaseUnavailable(error)) {
    return { error: new SellerApiError("unavailable", UNAVAILABLE_MESSAGE, undefined, { "Retry-After": String(UNAVAILABLE_RETRY_SECONDS) }), unexpected: true };
  }
  return { error: new SellerApiError("internal_error", INTERNAL_ERROR_MESSAGE), unexpected: true };
}
