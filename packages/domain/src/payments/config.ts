// Which payment provider the process talks to, read from the environment at call time (tests
// and deployments change it there). Stripe when STRIPE_SECRET_KEY is set; otherwise the payment
// sandbox the storefront serves, reached through the same Stripe SDK.
import { createHmac } from "node:crypto";
import { paymentEnv } from "@market/config/env";

export type PaymentMode = "stripe" | "sandbox";

export type PaymentConfig = {
  mode: PaymentMode;
  /** The key the SDK authenticates with (Stripe's, or the sandbox's derived one). */
  secretKey: string;
  /** Stripe only: the pay page loads the Payment Element with it. */
  publishableKey: string | null;
  /** Signs (sandbox) and verifies (webhook route) Stripe-Signature headers. */
  webhookSecret: string;
  /** Sandbox only: base URL the server reaches the sandbox API at (`<url>/api/payment-sandbox/v1/…`). */
  sandboxUrl: string | null;
  /** Where the sandbox sends its events. */
  webhookUrl: string;
  sandboxProcessingSeconds: number;
  reconcileAfterMinutes: number;
};

/**
 * Sandbox secrets are derived from AUTH_SECRET rather than written in code, so every process of
 * one installation agrees on them and no two installations share them.
 */
function derive(authSecret: string, purpose: string): string {
  return createHmac("sha256", authSecret).update(`payment-sandbox:${purpose}`).digest("base64url").replace(/[^A-Za-z0-9]/g, "").slice(0, 32);
}

export function paymentConfig(source: Record<string, string | undefined> = process.env): PaymentConfig {
  const env = paymentEnv(source);
  const storefront = env.STOREFRONT_URL.replace(/\/+$/, "");
  const common = {
    webhookUrl: `${storefront}/api/webhooks/stripe`,
    sandboxProcessingSeconds: env.PAYMENT_SANDBOX_PROCESSING_SECONDS,
    reconcileAfterMinutes: env.PAYMENT_RECONCILE_AFTER_MINUTES,
  };
  if (env.STRIPE_SECRET_KEY) {
    return {
      ...common,
      mode: "stripe",
      secretKey: env.STRIPE_SECRET_KEY,
      publishableKey: env.STRIPE_PUBLISHABLE_KEY ?? null,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET!,
      sandboxUrl: null,
    };
  }
  const authSecret = env.AUTH_SECRET!;
  return {
    ...common,
    mode: "sandbox",
    secretKey: `sk_test_sandbox${derive(authSecret, "secret-key")}`,
    publishableKey: null,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? `whsec_sandbox${derive(authSecret, "webhook-secret")}`,
    sandboxUrl: (env.PAYMENT_SANDBOX_URL ?? storefront).replace(/\/+$/, ""),
  };
}

/** The path the storefront serves the sandbox API under. */
export const SANDBOX_PATH_PREFIX = "/api/payment-sandbox";
