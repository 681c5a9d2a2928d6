// POST /api/webhooks/warehouse (storefront): the warehouse system's progress reports, and the
// warehouse simulator's. The contract is public (README "Warehouse contract"):
//   400  the X-Warehouse-Signature header does not prove the warehouse sent this exact body in
//        the last 300 s (forged, tampered, replayed), or the body is not a valid event (the
//        message names the field): nothing is recorded.
//   404  no order or order part with that id: nothing is recorded.
//   200  {received: true, applied}: recorded; `applied` is false for a late report that would
//        move the order backwards. {received: true, duplicate: true}: this eventId was already
//        recorded, nothing changes.
//   503  the database is unreachable (Retry-After): the warehouse retries later.
//   500  anything else unexpected: the warehouse retries too.
import { isAppError } from "@market/domain";
import { parseWarehouseWebhook, processWarehouseEvent, WAREHOUSE_SIGNATURE_HEADER, WarehouseSignatureError } from "@market/domain/fulfilment";
import { getLogger } from "@market/observability/log";
import { metrics } from "@market/observability/metrics";

type Log = (level: "info" | "warn" | "error", fields: Record<string, unknown>) => void;

const defaultLog: Log = (level, fields) => getLogger("storefront")[level](fields, "warehouse webhook");
const rejected = (reason: "signature" | "payload" | "unknown_order") => metrics().webhookRejections.inc({ source: "warehouse", reason });

export function createWarehouseWebhookHandler({ log = defaultLog }: { log?: Log } = {}) {
  return async function handle(request: Request): Promise<Response> {
    const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
    const headers = { "x-request-id": requestId, "Cache-Control": "no-store" };
    // The signature covers the exact bytes sent, so the body is read raw, never re-serialized.
    const rawBody = await request.text();

    let event;
    try {
      event = parseWarehouseWebhook(rawBody, request.headers.get(WAREHOUSE_SIGNATURE_HEADER));
    } catch (error) {
      if (error instanceof WarehouseSignatureError) {
        log("warn", { requestId, rejected: error.message });
        rejected("signature");
        const message = error.message.includes("X-Warehouse-Signature") ? error.message : `X-Warehouse-Signature rejected: ${error.message}`;
        return Response.json({ error: message }, { status: 400, headers });
      }
      if (isAppError(error) && error.code === "BAD_REQUEST") {
        log("warn", { requestId, rejected: error.message });
        rejected("payload");
        return Response.json({ error: error.message }, { status: 400, headers });
      }
      throw error;
    }

    const context = { requestId, eventId: event.eventId, orderId: event.orderId, status: event.status };
    try {
      const outcome = await processWarehouseEvent(event, { requestId });
      if (outcome.duplicate) {
        log("info", { ...context, outcome: "duplicate" });
        return Response.json({ received: true, duplicate: true }, { headers });
      }
      log("info", { ...context, outcome: outcome.applied ? "applied" : "recorded, not applied", parts: outcome.parts });
      return Response.json({ received: true, applied: outcome.applied }, { headers });
    } catch (error) {
      if (isAppError(error) && error.code === "NOT_FOUND") {
        log("warn", { ...context, outcome: "unknown order" });
        rejected("unknown_order");
        return Response.json({ error: error.message }, { status: 404, headers });
      }
      if (isAppError(error) && error.code === "UNAVAILABLE") {
        log("warn", { ...context, outcome: "database unavailable, the warehouse will retry" });
        return Response.json({ error: error.message }, { status: 503, headers: { ...headers, "Retry-After": String(error.details?.retryAfterSeconds ?? 30) } });
      }
      log("error", { ...context, error: error instanceof Error ? error.message : String(error) });
      return Response.json({ error: "The event could not be applied; send it again." }, { status: 500, headers });
    }
  };
}
