// A part the warehouse was asked to pick, then cancelled on our side (the shopper cancelled
// before it shipped), is cancelled at the warehouse too: POST <url>/pick-requests/<partId>/cancel
// with `Idempotency-Key: pick-cancel:<partId>`, retried until the warehouse answers. A part never
// sent needs nothing (sendPickRequest will not send a cancelled part, and queues the
// cancellation itself if the cancellation raced a request in flight). 409 means the parcel has
// already left: nothing to retry, the warehouse's own reports decide what happens to the part.
import { FulfilmentEventSource, FulfilmentStatus, getPrisma } from "@market/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import type { OutboxHandler } from "../outbox/index.ts";
import { describeFailure, logFulfilment, postToWarehouse } from "./warehouse-client.ts";
import { pickCancelJobKey, pickJobKey, queuePickCancellationJob } from "./warehouse-jobs.ts";
import { WarehouseRequestError } from "./pick-requests.ts";

/**
 * Queues the cancellation of each of these parts that the warehouse accepted, is cancelled here,
 * has not been asked to cancel yet, and was not cancelled by the warehouse itself. Returns them.
 */
export async function queuePickCancellations(where: { orderId: string } | { orderPartId: string }, reason: string): Promise<string[]> {
  const prisma = getPrisma();
  const shipments = await prisma.shipment.findMany({
    where: {
      requestedAt: { not: null },
      cancelRequestedAt: null,
      part: { status: FulfilmentStatus.CANCELLED, ...("orderId" in where ? { orderId: where.orderId } : { id: where.orderPartId }) },
      idempotencyKey: { startsWith: "pick:" },
    },
    select: { orderPartId: true, part: { select: { events: { where: { status: FulfilmentStatus.CANCELLED, applied: true }, select: { source: true } } } } },
  });
  const toCancel = shipments.filter((shipment) => !shipment.part.events.some((event) => event.source === FulfilmentEventSource.WAREHOUSE)).map((shipment) => shipment.orderPartId);
  if (toCancel.length === 0) return [];
  await prisma.$transaction(async (tx) => {
    for (const orderPartId of toCancel) await queuePickCancellationJob(tx, orderPartId, reason);
  });
  logFulfilment("info", "pick cancellations queued", { ...where, orderPartIds: toCancel });
  return toCancel;
}

export const cancelPicksHandler: OutboxHandler<"OrderCancelled"> = {
  name: "fulfilment.cancel-picks",
  async handle(event) {
    await queuePickCancellations({ orderId: event.payload.orderId }, event.payload.reason);
  },
};

/** One part cancelled while the rest of the order goes on (the warehouse's own cancellations are skipped above). */
export const cancelPartPickHandler: OutboxHandler<"OrderPartStatusChanged"> = {
  name: "fulfilment.cancel-part-pick",
  async handle(event) {
    if (event.payload.status !== "CANCELLED") return;
    await queuePickCancellations({ orderPartId: event.payload.orderPartId }, `Order ${event.payload.number}: this part was cancelled.`);
  },
};

export type PickCancellationOutcome = "cancel-requested" | "already-requested" | "refused" | "not-requested" | "not-cancelled";

export async function sendPickCancellation(orderPartId: string, reason: string, { now = new Date() }: { now?: Date } = {}): Promise<PickCancellationOutcome> {
  const prisma = getPrisma();
  const shipment = await prisma.shipment.findUnique({
    where: { idempotencyKey: pickJobKey(orderPartId) },
    select: { id: true, requestedAt: true, cancelRequestedAt: true, part: { select: { status: true } } },
  });
  if (!shipment?.requestedAt) return "not-requested";
  if (shipment.cancelRequestedAt) return "already-requested";
  // Never ask the warehouse to stop a parcel that is still going to the shopper.
  if (shipment.part.status !== FulfilmentStatus.CANCELLED) return "not-cancelled";

  const answer = await postToWarehouse(`/pick-requests/${encodeURIComponent(orderPartId)}/cancel`, { orderId: orderPartId, reason }, { idempotencyKey: pickCancelJobKey(orderPartId) });
  if (answer.kind === "answered" && answer.status >= 200 && answer.status < 300) {
    await prisma.shipment.update({ where: { id: shipment.id }, data: { cancelRequestedAt: now, lastError: null } });
    logFulfilment("info", "pick cancellation accepted", { orderPartId });
    return "cancel-requested";
  }
  const failure = describeFailure(answer);
  if (answer.kind === "answered" && answer.status === 409) {
    await prisma.shipment.update({ where: { id: shipment.id }, data: { lastError: `cancellation refused: ${failure}`.slice(0, 500) } });
    logFulfilment("warn", "pick cancellation refused, the parcel has left the warehouse", { orderPartId, error: failure });
    return "refused";
  }
  await prisma.shipment.update({ where: { id: shipment.id }, data: { lastError: `cancellation: ${failure}`.slice(0, 500) } });
  logFulfilment("warn", "pick cancellation failed", { orderPartId, error: failure, willRetry: true });
  throw new WarehouseRequestError(`The warehouse did not accept the cancellation of part ${orderPartId}: ${failure}`);
}

const jobPayload = z.object({ orderPartId: z.uuid(), reason: z.string().max(2_000).default("The order was cancelled.") });

export const sendPickCancellationTask: Task = async (payload) => {
  const { orderPartId, reason } = jobPayload.parse(payload);
  const outcome = await sendPickCancellation(orderPartId, reason);
  if (outcome !== "cancel-requested") logFulfilment("info", "pick cancellation not sent", { orderPartId, outcome });
};
