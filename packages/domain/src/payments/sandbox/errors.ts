// Errors in Stripe's shape: `{ "error": { "type", "code", "message", "param", … } }` with
// Stripe's HTTP statuses, so the SDK raises the same error classes it raises for Stripe.

export type StripeErrorBody = {
  type: "invalid_request_error" | "card_error" | "idempotency_error" | "api_error";
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  payment_intent?: unknown;
  charge?: string;
};

export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly error: StripeErrorBody,
  ) {
    super(error.message);
    this.name = "SandboxError";
  }
}

export const invalidRequest = (message: string, extra: { param?: string; code?: string } = {}) =>
  new SandboxError(400, { type: "invalid_request_error", message, ...extra });

export const resourceMissing = (resource: string, id: string, param: string) =>
  new SandboxError(404, { type: "invalid_request_error", code: "resource_missing", message: `No such ${resource}: '${id}'`, param });

export const unexpectedState = (action: string, status: string, allowed: string[]) =>
  new SandboxError(400, {
    type: "invalid_request_error",
    code: "payment_intent_unexpected_state",
    message: `You cannot ${action} this PaymentIntent because it has a status of ${status}. Only a PaymentIntent with one of the following statuses may be ${action === "confirm" ? "confirmed" : `${action}ed`}: ${allowed.join(", ")}.`,
  });
