// POST /api/webhooks/stripe (storefront): Stripe's events, and the payment sandbox's.
//   400  the Stripe-Signature header does not prove Stripe sent this exact body in the last
//        300 s (forged, tampered, replayed): nothing is applied.
//   200  applied, or a duplicate of an event already applied, or an event that is not ours
//        (another integration on the same Stripe account, `stripe trigger` test events): these
//        answer 200 because Stripe retries every non-2xx for three days and then disables the
//        endpoint, and a foreign event will never become ours.
//   503  the database is unreachable: Stripe retries later and the event is applied then.
//   500  anything else unexpected: Stripe retries too.
import { isAppError } from "@market/domain";
import { processStripeEvent, verifyStripeWebhook, WebhookSignatureError } from "@market/domain/payments";
import { getLogger } from "@market/observability/log";
import { metrics } from "@market/observability/metrics";

type Log = (level: "info" | "warn" | "error", fields: Record<string, unknown>) => void;

const defaultLog: Log = (level, fields) => getLogger("storefront")[level](fields, "stripe webhook");

export function createStripeWebhookHandler({ log = defaultLog }: { log?: Log } = {}) {
  return async function handle(request: Request): Promise<Response> {
    const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
    const headers = { "x-request-id": requestId, "Cache-Control": "no-store" };
    // The signature covers the exact bytes sent, so the body is read raw, never re-serialized.
    const rawBody = await request.text();

    let event;
    try {
      event = verifyStripeWebhook(rawBody, request.headers.get("stripe-signature"));
    } catch (error) {
      if (!(error instanceof WebhookSignatureError)) throw error;
      log("warn", { requestId, rejected: error.message });
      metrics().webhookRejections.inc({ source: "stripe", reason: "signature" });
      return Response.json({ error: "The Stripe-Signature header is missing or does not match this payload." }, { status: 400, headers });
    }

    try {
      const outcome = await processStripeEvent(event, { requestId });
      log(outcome === "not-ours" ? "warn" : "info", { requestId, eventId: event.id, type: event.type, outcome });
      if (outcome === "paid") metrics().ordersPaid.inc({ source: "webhook" });
      if (outcome === "failed") metrics().paymentFailures.inc({ reason: failureReason(event) });
      return Response.json({ received: true, outcome }, { headers });
    } catch (error) {
      if (isAppError(error) && error.code === "UNAVAILABLE") {
        log("warn", { requestId, eventId: event.id, type: event.type, outcome: "database unavailable, Stripe will retry" });
        return Response.json({ error: error.message }, { status: 503, headers: { ...headers, "Retry-After": "30" } });
      }
      log("error", { requestId, eventId: event.id, type: event.type, error: error instanceof Error ? error.message : String(error) });
      return Response.json({ error: "The event could not be applied; it will be retried." }, { status: 500, headers });
    }
  };
}

/** The provider's code for a failed payment (card_declined, expired_card…): a small, fixed set. */
function failureReason(event: { data: { object: unknown } }): string {
  const error = (event.data.object as { last_payment_error?: { code?: unknown } | null }).last_payment_error;
  return typeof error?.code === "string" && /^[a-z_]{1,40}$/.test(error.code) ? error.code : "unknown";
}
