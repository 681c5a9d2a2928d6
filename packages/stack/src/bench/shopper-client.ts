// A shopper talking to the storefront over HTTP the way the browser does: next-auth's sign-in
// form post, then tRPC calls with the session cookie. Used by the checkout benchmark.
//
// Requests go through node:http with one keep-alive agent rather than fetch: the load generator
// runs on the machine it measures, and fetch spent about twice the CPU per request.
import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import zlib from "node:zlib";

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export type BenchResponse = { status: number; ok: boolean; setCookies: string[]; location: string | undefined; text: string };

/** One HTTP request on the shared keep-alive agent; the whole body is read as text. */
export function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<BenchResponse> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    // Like a browser: the server compresses what is worth compressing.
    const headers = { "accept-encoding": "gzip, deflate, br", ...init.headers, ...(body ? { "content-length": String(body.length) } : {}) };
    const outgoing = http.request(url, { method: init.method ?? "GET", headers, agent }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("error", reject);
      incoming.on("end", () => {
        const status = incoming.statusCode ?? 0;
        const cookies = incoming.headers["set-cookie"] ?? [];
        try {
          const text = decode(Buffer.concat(chunks), incoming.headers["content-encoding"]).toString("utf8");
          resolve({ status, ok: status >= 200 && status < 300, setCookies: cookies, location: incoming.headers.location, text });
        } catch (error) {
          reject(error);
        }
      });
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

function decode(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding) {
    case "gzip":
      return zlib.gunzipSync(body);
    case "deflate":
      return zlib.inflateSync(body);
    case "br":
      return zlib.brotliDecompressSync(body);
    default:
      return body;
  }
}

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

  private remember(response: BenchResponse) {
    for (const line of response.setCookies) {
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
    const csrf = await request(`${this.baseUrl}/api/auth/csrf`, { headers: { cookie: this.cookieHeader() } });
    this.remember(csrf);
    const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
    // No redirects are followed: the session cookie comes with the sign-in's own answer.
    const response = await request(`${this.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader() },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }).toString(),
    });
    this.remember(response);
    if (![...this.cookies.keys()].some((name) => name.endsWith("market.session-token"))) {
      throw new Error(`sign-in of ${email} failed (HTTP ${response.status})`);
    }
  }

  /** A tRPC mutation over HTTP (superjson envelope); returns the procedure's result. */
  async mutation<T>(path: string, input: unknown): Promise<T> {
    const response = await request(`${this.baseUrl}/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: this.cookieHeader() },
      body: JSON.stringify({ json: input }),
    });
    return this.result<T>(response);
  }

  async query<T>(path: string, input: unknown): Promise<T> {
    const response = await request(`${this.baseUrl}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, {
      headers: { cookie: this.cookieHeader() },
    });
    return this.result<T>(response);
  }

  private result<T>(response: BenchResponse): T {
    this.remember(response);
    if (!response.ok) throw new HttpError(response.status, response.text);
    return (JSON.parse(response.text) as { result: { data: { json: T } } }).result.data.json;
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
