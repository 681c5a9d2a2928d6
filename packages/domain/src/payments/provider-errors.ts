// Provider failures as the shopper should see them.
import Stripe from "stripe";
import { AppError } from "../errors.ts";

/** True for failures worth retrying later (network, provider outage, rate limit). */
export function isProviderUnavailable(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError
  );
}

export function providerUnavailable(error: unknown): AppError {
  console.error(JSON.stringify({ level: "error", msg: "payment provider unreachable", error: error instanceof Error ? error.message : String(error) }));
  return new AppError("UNAVAILABLE", "We cannot reach the payment service right now. Please try again in a minute.");
}
