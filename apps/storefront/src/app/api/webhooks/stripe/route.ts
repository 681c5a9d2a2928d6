// Stripe's events (and the payment sandbox's): see packages/api/src/http/stripe-webhook.ts.
import { createStripeWebhookHandler } from "@market/api/http";

export const POST = createStripeWebhookHandler();
export const dynamic = "force-dynamic";
