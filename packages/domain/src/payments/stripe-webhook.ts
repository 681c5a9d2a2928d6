// Stripe webhook events, the domain side of POST /api/webhooks/stripe. The route reads the raw
// body, verifies the signature here, and hands the event to processStripeEvent, which records
// the event id and applies it in ONE transaction: a redelivered event finds its id and does
// nothing, and an event whose effect failed is not recorded, so Stripe's retry applies it.
import { getPrisma, isDatabaseUnavailable, WebhookSource } from "@market/db";
import type Stripe from "stripe";
import { AppError } from "../errors.ts";
import { applyChargeRefunded, applyPaymentIntent, type ApplyOutcome } from "./apply-provider-state.ts";
import { paymentConfig, type PaymentConfig } from "./config.ts";
import { constructStripeEvent } from "./stripe-client.ts";

export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookSignatureError";
  }
}

/**
 * The event, if the Stripe-Signature header proves Stripe (or the sandbox) sent this exact body
 * within the last 300 seconds (the SDK's default tolerance, which also stops replays).
 */
export function verifyStripeWebhook(rawBody: string, signature: string | null, config: PaymentConfig = paymentConfig()): Stripe.Event {
  if (!signature) throw new WebhookSignatureError("The Stripe-Signature header is missing.");
  try {
    return constructStripeEvent(rawBody, signature, config.webhookSecret);
  } catch (error) {
    throw new WebhookSignatureError(error instanceof Error ? error.message : "The signature does not match.");
  }
}

export type WebhookOutcome = ApplyOutcome | "ignored";

/**
 * The events this endpoint acts on: subscribe the Stripe webhook endpoint to exactly these (the
 * payment sandbox delivers only these, as Stripe does for a subscribed endpoint). Any other type
 * that arrives is answered 200 "ignored" without touching the database.
 */
export const HANDLED_STRIPE_EVENTS = [
  "payment_intent.succeeded",
  "payment_intent.payment_failed",
  "payment_intent.processing",
  "payment_intent.canceled",
  "charge.refunded",
] as const;

export const isHandledStripeEvent = (type: string): type is (typeof HANDLED_STRIPE_EVENTS)[number] => (HANDLED_STRIPE_EVENTS as readonly string[]).includes(type);

export async function processStripeEvent(event: Stripe.Event, { requestId = null }: { requestId?: string | null } = {}): Promise<WebhookOutcome> {
  const observedAt = new Date(event.created * 1000);
  const context = { observedAt, source: `webhook ${event.id}`, requestId };
  if (!isHandledStripeEvent(event.type)) return "ignored";
  try {
    return await getPrisma().$transaction(
      async (tx): Promise<WebhookOutcome> => {
        // Recorded by the statement that locks the payment; a concurrent delivery of the same
        // event waits there on the unique key until the first commits (then it is a duplicate)
        // or rolls back (then it applies the event itself).
        const record = { source: WebhookSource.STRIPE, eventId: event.id, type: event.type };
        switch (event.type) {
          case "payment_intent.succeeded":
          case "payment_intent.payment_failed":
          case "payment_intent.processing":
          case "payment_intent.canceled":
            return applyPaymentIntent(tx, event.data.object, { ...context, record });
          case "charge.refunded":
            return applyChargeRefunded(tx, event.data.object, { ...context, record });
          default:
            return "ignored";
        }
      },
      { maxWait: 10_000, timeout: 20_000 },
    );
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      throw new AppError("UNAVAILABLE", "The database is not reachable right now; the event was not applied. Send it again later.");
    }
    throw error;
  }
}
