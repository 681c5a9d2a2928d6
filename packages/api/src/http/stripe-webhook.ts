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

type Log = (level: "info" | "warn" | "error", fields: Record<string, unknown>) => void;

const defaultLog: Log = (level, fields) => {
  const line = JSON.stringify({ level, msg: "stripe webhook", ...fields });
  if (level === "info") console.log(line);
  else console.error(line);
};

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
      return Response.json({ error: "The Stripe-Signature header is missing or does not match this payload." }, { status: 400, headers });
    }

    try {
      const outcome = await processStripeEvent(event, { requestId });
      log(outcome === "not-ours" ? "warn" : "info", { requestId, eventId: event.id, type: event.type, outcome });
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
