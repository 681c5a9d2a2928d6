// /api/payment-sandbox/v1/* (storefront): the payment sandbox's Stripe-compatible API, served
// only when no STRIPE_SECRET_KEY is set. The server reaches it through the Stripe SDK, the pay
// page's card form through fetch (with the PaymentIntent's client secret, like Stripe.js).
import { handleSandboxRequest, paymentConfig, SANDBOX_PATH_PREFIX } from "@market/domain/payments";

export function createPaymentSandboxHandler() {
  return async function handle(request: Request): Promise<Response> {
    const config = paymentConfig();
    if (config.mode !== "sandbox") {
      return Response.json({ error: { type: "invalid_request_error", message: "The payment sandbox is off: this installation uses Stripe." } }, { status: 404 });
    }
    const url = new URL(request.url);
    const at = url.pathname.indexOf(SANDBOX_PATH_PREFIX);
    const path = at >= 0 ? url.pathname.slice(at + SANDBOX_PATH_PREFIX.length) : url.pathname;
    const method = request.method.toUpperCase();
    const result = await handleSandboxRequest(
      {
        method,
        path,
        query: url.searchParams,
        body: method === "GET" || method === "HEAD" ? "" : await request.text(),
        authorization: request.headers.get("authorization"),
        idempotencyKey: request.headers.get("idempotency-key"),
      },
      config,
    );
    return Response.json(result.body, { status: result.status, headers: result.headers });
  };
}
