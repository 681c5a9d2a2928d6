// A shopper talking to the storefront over HTTP the way the browser does: next-auth's sign-in
// form post, then tRPC calls with the session cookie. Used by the checkout benchmark.
import { createHmac, randomBytes } from "node:crypto";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 300)}`);
  }
}

export class ShopperClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** next-auth's credentials sign-in, as the sign-in form submits it. */
  async signIn(email: string, password: string): Promise<void> {
    const csrf = await fetch(`${this.baseUrl}/api/auth/csrf`, { headers: { cookie: this.cookieHeader() } });
    this.remember(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(`${this.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader() },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
    });
    this.remember(response);
    await response.text();
    if (![...this.cookies.keys()].some((name) => name.endsWith("market.session-token"))) {
      throw new Error(`sign-in of ${email} failed (HTTP ${response.status})`);
    }
  }

  /** A tRPC mutation over HTTP (superjson envelope); returns the procedure's result. */
  async mutation<T>(path: string, input: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: this.cookieHeader() },
      body: JSON.stringify({ json: input }),
    });
    this.remember(response);
    const body = await response.text();
    if (!response.ok) throw new HttpError(response.status, body);
    return (JSON.parse(body) as { result: { data: { json: T } } }).result.data.json;
  }

  async query<T>(path: string, input: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, {
      headers: { cookie: this.cookieHeader() },
    });
    this.remember(response);
    const body = await response.text();
    if (!response.ok) throw new HttpError(response.status, body);
    return (JSON.parse(body) as { result: { data: { json: T } } }).result.data.json;
  }
}

/** The Stripe-Signature header Stripe sends: HMAC-SHA256 of "<t>.<raw body>" with the endpoint secret. */
export function stripeSignature(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex")}`;
}

/** A `payment_intent.succeeded` event as Stripe delivers it (the fields our webhook reads and more). */
export function paymentSucceededEvent(intent: { id: string; amount: number; currency: string; orderId?: string; orderNumber?: string }): string {
  const created = Math.floor(Date.now() / 1000);
  return JSON.stringify({
    id: `evt_${randomBytes(12).toString("hex")}`,
    object: "event",
    api_version: "2025-01-27.acacia",
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: "payment_intent.succeeded",
    data: {
      object: {
        id: intent.id,
        object: "payment_intent",
        amount: intent.amount,
        amount_received: intent.amount,
        currency: intent.currency.toLowerCase(),
        status: "succeeded",
        created,
        livemode: false,
        metadata: { ...(intent.orderId ? { order_id: intent.orderId } : {}), ...(intent.orderNumber ? { order_number: intent.orderNumber } : {}) },
      },
    },
  });
}
