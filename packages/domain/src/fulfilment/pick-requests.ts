// After payment, every seller part stored in a marketplace warehouse is sent to the warehouse
// system as a pick request (guarantee 2 of the brief: the warehouse never prepares an order
// twice). Two steps, each idempotent:
//   1. the OrderPaid consumer creates the part's Shipment (unique key `pick:<partId>`) and queues
//      the send job in the same transaction, so a redelivered OrderPaid finds the shipment and
//      queues nothing;
//   2. the job POSTs the request with `Idempotency-Key: pick:<partId>`, retrying with backoff
//      until the warehouse answers 2xx; the warehouse makes one pick task per key however often
//      it is asked. Parts in a seller's own warehouse get no pick request: the seller ships them
//      from the portal.
import { FulfilmentStatus, getPrisma, Prisma, WarehouseKind } from "@market/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import type { OutboxHandler } from "../outbox/index.ts";
import { buildPickRequest } from "./build-pick-request.ts";
import { pickRequestResponseSchema } from "./warehouse-contract.ts";
import { describeFailure, logFulfilment, postToWarehouse } from "./warehouse-client.ts";
import { PICK_KEY_PREFIX, pickCancellationJobCall, pickJobKey, pickRequestJobsFor } from "./warehouse-jobs.ts";

/** Statuses in which a part no longer needs picking. */
const NOT_TO_PICK: FulfilmentStatus[] = [FulfilmentStatus.AWAITING_PAYMENT, FulfilmentStatus.CANCELLED, FulfilmentStatus.RETURNED];

/**
 * Creates the shipment of each marketplace-warehouse part of a paid order and queues its pick
 * request. Returns the parts queued now (none when this already happened).
 */
export async function queuePickRequests(orderId: string, { requestId = null }: { requestId?: string | null } = {}): Promise<string[]> {
  // One statement, so the shipments and their jobs commit together. A concurrent delivery of the
  // same event waits on the shipments' unique key, then inserts nothing and queues nothing.
  const rows = await getPrisma().$queryRaw<{ id: string }[]>`
    WITH parts AS (
      SELECT p.id FROM "OrderPart" p JOIN "Warehouse" w ON w.id = p."warehouseId"
       WHERE p."orderId" = ${orderId}::uuid AND w.kind = ${WarehouseKind.MARKETPLACE}::"WarehouseKind"
         AND p.status <> ALL(${NOT_TO_PICK}::"FulfilmentStatus"[])
    ), created AS (
      INSERT INTO "Shipment" (id, "orderPartId", "idempotencyKey", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), parts.id, ${PICK_KEY_PREFIX} || parts.id::text, now(), now() FROM parts
      ON CONFLICT DO NOTHING
      RETURNING "orderPartId"
    ), jobs AS (
      SELECT count(*) AS queued FROM ${pickRequestJobsFor(Prisma.sql`created`)} WHERE EXISTS (SELECT 1 FROM created)
    )
    SELECT created."orderPartId" AS id FROM created, jobs ORDER BY 1`;
  const queued = rows.map((row) => row.id);
  if (queued.length > 0) logFulfilment("info", "pick requests queued", { orderId, orderPartIds: queued, requestId });
  return queued;
}

export const requestPicksHandler: OutboxHandler<"OrderPaid"> = {
  name: "fulfilment.request-picks",
  async handle(event) {
    await queuePickRequests(event.payload.orderId, { requestId: event.requestId });
  },
};

export type PickRequestOutcome = "requested" | "duplicate" | "already-requested" | "part-cancelled" | "no-shipment" | "unknown-part";

export class WarehouseRequestError extends Error {
  override name = "WarehouseRequestError";
}

/**
 * One attempt to hand a part to the warehouse. Throws WarehouseRequestError (after recording it
 * on the shipment) when the warehouse did not accept it, so the job retries: a network error, a
 * 5xx or 429 are passing; a 4xx is a bug on one side, and stays visible as a failing job.
 */
export async function sendPickRequest(orderPartId: string, { now = new Date() }: { now?: Date } = {}): Promise<PickRequestOutcome> {
  const prisma = getPrisma();
  const idempotencyKey = pickJobKey(orderPartId);
  // The part's request and its shipment in one read (shipments exist only for parts in a
  // marketplace warehouse, so a part with one always has its warehouse).
  const part = await buildPickRequest(orderPartId, { now });
  const shipment = part?.shipment;
  if (!shipment) return "no-shipment";
  if (shipment.requestedAt) return "already-requested";
  // Cancelled before it was ever sent: the warehouse never hears of it.
  if (part.status === FulfilmentStatus.CANCELLED) return "part-cancelled";

  const answer = await postToWarehouse("/pick-requests", part.request, { idempotencyKey });
  let failure: string | null = null;
  let accepted: z.infer<typeof pickRequestResponseSchema> | null = null;
  if (answer.kind === "answered" && answer.status >= 200 && answer.status < 300) {
    const parsed = pickRequestResponseSchema.safeParse(safeJson(answer.body));
    if (parsed.success) accepted = parsed.data;
    else failure = `HTTP ${answer.status} with an unexpected body: ${answer.body.slice(0, 200)}`;
  } else {
    failure = describeFailure(answer);
  }

  if (!accepted) {
    await prisma.shipment.update({ where: { id: shipment.id }, data: { lastError: failure } });
    logFulfilment("warn", "pick request failed", { orderPartId, orderNumber: part.request.orderNumber, error: failure, willRetry: true });
    throw new WarehouseRequestError(`The warehouse did not accept the pick request for part ${orderPartId}: ${failure}`);
  }

  // One statement, so the shipment's "requested" and a cancellation it must now carry commit
  // together. Under the part's lock: a shopper's cancellation that committed while the request was
  // in flight found no requested shipment to cancel, so the cancellation is queued from here.
  const [locked] = await prisma.$queryRaw<{ cancellationQueued: boolean }[]>`
    WITH part AS (
      SELECT p.id, p.status, o."cancelReason" FROM "OrderPart" p JOIN "Order" o ON o.id = p."orderId" WHERE p.id = ${orderPartId}::uuid FOR UPDATE OF p
    ), requested AS (
      UPDATE "Shipment" SET "requestedAt" = ${now}, "externalId" = ${accepted.pickTaskId}, "lastError" = NULL, "updatedAt" = ${now} WHERE id = ${shipment.id}::uuid
    ), cancellation AS (
      SELECT ${pickCancellationJobCall(Prisma.sql`part.id`, Prisma.sql`COALESCE(part."cancelReason", ${"The order was cancelled."})`)}
        FROM part WHERE part.status = ${FulfilmentStatus.CANCELLED}::"FulfilmentStatus"
    )
    SELECT EXISTS (SELECT 1 FROM cancellation) AS "cancellationQueued" FROM part`;
  const cancelledMeanwhile = locked?.cancellationQueued ?? false;
  logFulfilment("info", "pick request accepted", {
    orderPartId,
    orderNumber: part.request.orderNumber,
    pickTaskId: accepted.pickTaskId,
    duplicate: accepted.duplicate ?? false,
    ...(cancelledMeanwhile ? { cancellationQueued: true } : {}),
  });
  return accepted.duplicate ? "duplicate" : "requested";
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const jobPayload = z.object({ orderPartId: z.uuid() });

export const sendPickRequestTask: Task = async (payload) => {
  const { orderPartId } = jobPayload.parse(payload);
  const outcome = await sendPickRequest(orderPartId);
  if (outcome !== "requested" && outcome !== "duplicate") logFulfilment("info", "pick request not sent", { orderPartId, outcome });
};
