// The one way this codebase talks to the payment provider: the official Stripe SDK. In sandbox
// mode the same SDK is pointed at the storefront's payment sandbox (host, port and protocol from
// its URL, and an HTTP client that puts the sandbox's path prefix in front of Stripe's paths), so
// every call takes the same code path, retries and idempotency keys as in production.
import Stripe from "stripe";
import { paymentConfig, SANDBOX_PATH_PREFIX, type PaymentConfig } from "./config.ts";

type StripeOptions = NonNullable<ConstructorParameters<typeof Stripe>[1]>;
type HttpClient = NonNullable<StripeOptions["httpClient"]>;

function withPathPrefix(prefix: string, inner: HttpClient): HttpClient {
  return {
    getClientName: () => inner.getClientName(),
    makeRequest: (host, port, path, method, headers, data, protocol, timeout) =>
      inner.makeRequest(host, port, `${prefix}${path}`, method, headers, data, protocol, timeout),
  };
}

function createStripe(config: PaymentConfig): Stripe {
  // Network failures and 409/5xx answers are retried with the same idempotency key.
  const options: StripeOptions = { maxNetworkRetries: 2, timeout: 20_000, telemetry: false };
  if (config.mode === "stripe") return new Stripe(config.secretKey, options);
  const url = new URL(config.sandboxUrl!);
  const protocol = url.protocol === "https:" ? "https" : "http";
  return new Stripe(config.secretKey, {
    ...options,
    host: url.hostname,
    port: url.port || (protocol === "https" ? 443 : 80),
    protocol,
    httpClient: withPathPrefix(`${url.pathname.replace(/\/+$/, "")}${SANDBOX_PATH_PREFIX}`, Stripe.createNodeHttpClient()),
  });
}

const clients = new Map<string, Stripe>();

/** The SDK client for the configured provider (one per configuration, reused). */
export function getStripe(config: PaymentConfig = paymentConfig()): Stripe {
  const key = `${config.mode}|${config.secretKey}|${config.sandboxUrl ?? ""}`;
  let client = clients.get(key);
  if (!client) {
    client = createStripe(config);
    clients.set(key, client);
  }
  return client;
}

/** Verifies a Stripe-Signature header and parses the event (throws on a bad signature). */
export function constructStripeEvent(rawBody: string, signature: string, secret: string, toleranceSeconds?: number): Stripe.Event {
  return Stripe.webhooks.constructEvent(rawBody, signature, secret, toleranceSeconds);
}

/** A Stripe-Signature header for the payload, exactly as Stripe computes it. */
export function signStripePayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

export { Stripe };
