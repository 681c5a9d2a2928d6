// Provider failures as the shopper should see them.
import Stripe from "stripe";
import { AppError } from "../errors.ts";
import { processLogger } from "@market/observability/log";

/** True for failures worth retrying later (network, provider outage, rate limit). */
export function isProviderUnavailable(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError
  );
}

export function providerUnavailable(error: unknown): AppError {
  processLogger().error({ error: error instanceof Error ? error.message : String(error) }, "payment provider unreachable");
  return new AppError("UNAVAILABLE", "We cannot reach the payment service right now. Please try again in a minute.");
}
