// Pick requests end to end through the real queue (graphile-worker on this test's database)
// against a local warehouse that checks signatures and keeps one task per Idempotency-Key:
// guarantee 2 of the brief (the warehouse never prepares an order twice) and 3 (nothing is lost
// while the warehouse is down).
import { getPrisma } from "@market/db";
import { Logger, runOnce } from "graphile-worker";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDeliverOutboxEventTask, DELIVER_OUTBOX_EVENT_TASK, type OutboxEvent, type OutboxHandlers } from "../outbox/index.ts";
import { cancelPaidOrder } from "./cancel-order.ts";
import { cancelPartPickHandler, cancelPicksHandler } from "./pick-cancellations.ts";
import { requestPicksHandler, sendPickRequest } from "./pick-requests.ts";
import { createPaidOrder, startFakeWarehouse, type FakeWarehouse } from "./testing/index.ts";
import { pickRequestSchema } from "./warehouse-contract.ts";
import { SEND_PICK_CANCELLATION_TASK, SEND_PICK_REQUEST_TASK, WAREHOUSE_JOB_MAX_ATTEMPTS } from "./warehouse-jobs.ts";
import { warehouseTaskList } from "./warehouse-task-list.ts";
import { captureLogs } from "@market/observability/log";

const handlers: OutboxHandlers = { OrderPaid: [requestPicksHandler], OrderCancelled: [cancelPicksHandler], OrderPartStatusChanged: [cancelPartPickHandler] };
const quiet = new Logger(() => () => undefined);
/** One pass of the worker over every job due now (a failed job's retry is scheduled later). */
async function work() {
  await runOnce({ connectionString: process.env.DATABASE_URL!, taskList: { [DELIVER_OUTBOX_EVENT_TASK]: createDeliverOutboxEventTask(handlers), ...warehouseTaskList }, logger: quiet });
  // runOnce can resolve before its last job's success or failure is written: wait for that.
  await expect
    .poll(async () => (await getPrisma().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE locked_at IS NOT NULL`)[0]!.n, { interval: 20 })
    .toBe(0);
}
/** Brings every retry forward, as if its backoff had passed. */
const retryNow = () => getPrisma().$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;

const jobs = (task: string) =>
  getPrisma().$queryRaw<{ key: string | null; payload: Record<string, string>; attempts: number; max_attempts: number; last_error: string | null }[]>`
    SELECT j.key, j.payload, j.attempts, j.max_attempts, j.last_error FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = ${task} ORDER BY j.id`;

async function orderPaidEvent(orderId: string): Promise<OutboxEvent<"OrderPaid">> {
  const row = await getPrisma().outboxEvent.findFirstOrThrow({ where: { type: "OrderPaid", aggregateId: orderId } });
  return { ...row, type: "OrderPaid", payload: row.payload as OutboxEvent<"OrderPaid">["payload"] };
}

let warehouse: FakeWarehouse;
let logs: string[] = [];
let capture: ReturnType<typeof captureLogs> | undefined;
beforeAll(async () => {
  warehouse = await startFakeWarehouse();
});
afterAll(async () => {
  await warehouse.close();
});
beforeEach(async () => {
  // The code logs JSON lines; keep them for assertions and out of the test output.
  capture?.restore();
  capture = captureLogs();
  logs = capture.lines;
  warehouse.cancelAnswer = null;
  warehouse.onPick = null;
  await getPrisma().$executeRaw`DELETE FROM graphile_worker._private_jobs`;
});

const tasksFor = (partId: string) => warehouse.tasks.filter((task) => task.request.orderId === partId);

describe("pick requests after payment", () => {
  it("sends one signed pick request per marketplace part, with shelf locations, and none for the seller's own warehouse", async () => {
    const order = await createPaidOrder({
      parts: [{ lines: [{ quantity: 2, shelfLocation: "A-01-03" }, { shelfLocation: null }] }, { lines: [{ shelfLocation: "B-12-01" }] }, { kind: "SELLER" }],
    });
    const [first, second, own] = order.parts;
    await work();

    expect(tasksFor(first!.id)).toHaveLength(1);
    expect(tasksFor(second!.id)).toHaveLength(1);
    expect(tasksFor(own!.id)).toHaveLength(0);
    expect(warehouse.rejected).toEqual([]);

    const sent = pickRequestSchema.parse(JSON.parse(warehouse.pickRequests.find((r) => r.key === `pick:${first!.id}`)!.body));
    expect(sent).toMatchObject({
      orderId: first!.id,
      orderNumber: order.number,
      seller: { id: first!.sellerId, name: first!.sellerName },
      warehouse: { code: first!.warehouseCode },
      delivery: { method: "PICKUP", address: null, recipient: { name: "Anna Petrova", phone: "+79001234567" }, pickupPoint: { code: expect.any(String), city: "Moscow" } },
    });
    expect(sent.lines.map(({ sku, quantity, shelfLocation }) => ({ sku, quantity, shelfLocation })).sort((a, b) => a.sku.localeCompare(b.sku))).toEqual(
      first!.lines.map(({ sku, quantity, shelfLocation }) => ({ sku, quantity, shelfLocation })).sort((a, b) => a.sku.localeCompare(b.sku)),
    );
    expect(sent.lines.find((line) => line.quantity === 2)).toMatchObject({ shelfLocation: "A-01-03", size: expect.any(String), color: "Black", title: expect.any(String) });

    const shipments = await getPrisma().shipment.findMany({ where: { part: { orderId: order.orderId } }, orderBy: { idempotencyKey: "asc" } });
    expect(shipments.map((s) => s.idempotencyKey).sort()).toEqual([`pick:${first!.id}`, `pick:${second!.id}`].sort());
    for (const shipment of shipments) {
      expect(shipment).toMatchObject({ requestedAt: expect.any(Date), externalId: expect.stringMatching(/^PT-/), lastError: null });
    }
    // The seller ships their own part from the portal: it stays NEW, with no shipment.
    expect(await getPrisma().orderPart.findUniqueOrThrow({ where: { id: own!.id } })).toMatchObject({ status: "NEW" });
    expect(await jobs(SEND_PICK_REQUEST_TASK)).toEqual([]);
    expect(logs.some((line) => JSON.parse(line).msg === "pick request accepted")).toBe(true);
  });

  it("sends the courier address for a courier order", async () => {
    const order = await createPaidOrder({ deliveryMethod: "COURIER" });
    await work();
    const [task] = tasksFor(order.parts[0]!.id);
    expect(task!.request.delivery).toEqual({
      method: "COURIER",
      pickupPoint: null,
      address: { city: "Moscow", street: "Tverskaya 1", apartment: "12", postcode: "125009" },
      recipient: { name: "Anna Petrova", phone: "+79001234567" },
    });
  });

  it("queues one job and makes one pick task however often OrderPaid is delivered", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    const event = await orderPaidEvent(order.orderId);
    // Redeliveries before the job ran, at the same time, and after it finished.
    await requestPicksHandler.handle(event);
    await Promise.all([requestPicksHandler.handle(event), requestPicksHandler.handle(event)]);
    expect(await jobs(SEND_PICK_REQUEST_TASK)).toEqual([
      { key: `pick:${part.id}`, payload: { orderPartId: part.id }, attempts: 0, max_attempts: WAREHOUSE_JOB_MAX_ATTEMPTS, last_error: null },
    ]);
    await work();
    await requestPicksHandler.handle(event);
    expect(await jobs(SEND_PICK_REQUEST_TASK)).toEqual([]);
    await work();
    expect(tasksFor(part.id)).toHaveLength(1);
    expect(await getPrisma().shipment.count({ where: { orderPartId: part.id } })).toBe(1);

    // Even a send repeated after success (an operator retrying a finished job) asks nothing.
    expect(await sendPickRequest(part.id)).toBe("already-requested");
    expect(warehouse.pickRequests.filter((r) => r.key === `pick:${part.id}`)).toHaveLength(1);
  });

  it("keeps retrying while the warehouse is down, records why, and delivers once it is back", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    const shipment = () => getPrisma().shipment.findUniqueOrThrow({ where: { idempotencyKey: `pick:${part.id}` } });

    warehouse.refuseNext(2, { status: 503, body: { error: "Warehouse under maintenance" } });
    await work();
    expect(await shipment()).toMatchObject({ requestedAt: null, lastError: "HTTP 503: Warehouse under maintenance" });
    expect(await jobs(SEND_PICK_REQUEST_TASK)).toEqual([expect.objectContaining({ attempts: 1, last_error: expect.stringContaining("HTTP 503") })]);

    await retryNow();
    await work();
    expect(await jobs(SEND_PICK_REQUEST_TASK)).toEqual([expect.objectContaining({ attempts: 2 })]);

    // Now nobody is listening at all.
    await warehouse.pause();
    try {
      await retryNow();
      await work();
      expect((await shipment()).lastError).toMatch(/^warehouse unreachable: .*ECONNREFUSED/);
      expect(await jobs(SEND_PICK_REQUEST_TASK)).toEqual([expect.objectContaining({ attempts: 3 })]);
    } finally {
      await warehouse.resume();
    }
    expect(tasksFor(part.id)).toHaveLength(0);

    await retryNow();
    await work();
    expect(await shipment()).toMatchObject({ requestedAt: expect.any(Date), externalId: tasksFor(part.id)[0]!.pickTaskId, lastError: null });
    expect(tasksFor(part.id)).toHaveLength(1);
    expect(await jobs(SEND_PICK_REQUEST_TASK)).toEqual([]);
  });

  it("keeps a request the warehouse refuses as a bug (4xx) failing and visible, not dropped", async () => {
    const order = await createPaidOrder();
    warehouse.refuseNext(1, { status: 422, body: { error: "lines[0].sku is unknown" } });
    await work();
    expect(await getPrisma().shipment.findUniqueOrThrow({ where: { idempotencyKey: `pick:${order.parts[0]!.id}` } })).toMatchObject({
      requestedAt: null,
      lastError: "HTTP 422: lines[0].sku is unknown",
    });
    expect(await jobs(SEND_PICK_REQUEST_TASK)).toEqual([expect.objectContaining({ attempts: 1, last_error: expect.stringContaining("HTTP 422") })]);
  });

  it("treats an answer the warehouse took but we lost (a duplicate on retry) as accepted", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    await work();
    // As if the warehouse made the task but its answer never reached us (a timeout on our side):
    // the retry with the same key is answered as a duplicate, with the first task's id.
    await getPrisma().shipment.update({ where: { idempotencyKey: `pick:${part.id}` }, data: { requestedAt: null, externalId: null } });
    expect(await sendPickRequest(part.id)).toBe("duplicate");
    expect(tasksFor(part.id)).toHaveLength(1);
    expect((await getPrisma().shipment.findUniqueOrThrow({ where: { idempotencyKey: `pick:${part.id}` } })).externalId).toBe(tasksFor(part.id)[0]!.pickTaskId);
  });
});

describe("cancelling picks", () => {
  const cancel = (orderId: string) => getPrisma().$transaction((tx) => cancelPaidOrder(tx, { orderId, reason: "You cancelled this order." }));

  it("asks the warehouse once to cancel every part it was asked to pick", async () => {
    const order = await createPaidOrder({ parts: [{}, {}, { kind: "SELLER" }] });
    await work();
    await cancel(order.orderId);
    // OrderCancelled and each part's OrderPartStatusChanged both lead to the same job key.
    await work();
    const picked = order.parts.filter((p) => p.kind === "MARKETPLACE");
    expect(warehouse.cancellations.filter((c) => picked.some((p) => p.id === c.orderId)).map((c) => [c.orderId, c.key, c.body]).sort()).toEqual(
      picked.map((p) => [p.id, `pick-cancel:${p.id}`, { orderId: p.id, reason: expect.any(String) }]).sort(),
    );
    expect(warehouse.cancellations.filter((c) => c.orderId === order.parts[2]!.id)).toEqual([]);
    for (const part of picked) {
      expect(await getPrisma().shipment.findUniqueOrThrow({ where: { idempotencyKey: `pick:${part.id}` } })).toMatchObject({ cancelRequestedAt: expect.any(Date), lastError: null });
    }
    expect(await jobs(SEND_PICK_CANCELLATION_TASK)).toEqual([]);
  });

  it("sends nothing for a part cancelled before its pick request went out", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    // The shopper cancels before the worker gets to the pick request.
    const event = await orderPaidEvent(order.orderId);
    await requestPicksHandler.handle(event);
    await cancel(order.orderId);
    await work();
    expect(warehouse.pickRequests.filter((r) => r.key === `pick:${part.id}`)).toEqual([]);
    expect(warehouse.cancellations.filter((c) => c.orderId === part.id)).toEqual([]);
    expect(await sendPickRequest(part.id)).toBe("part-cancelled");
  });

  it("cancels at the warehouse a part cancelled while its pick request was in flight", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    warehouse.onPick = async () => {
      warehouse.onPick = null;
      await cancel(order.orderId);
    };
    await work();
    await work();
    expect(tasksFor(part.id)).toHaveLength(1);
    // The cancellation's own consumers found no requested shipment; the send queued it.
    expect(logs.map((line) => JSON.parse(line)).find((entry) => entry.msg === "pick request accepted")).toMatchObject({ orderPartId: part.id, cancellationQueued: true });
    expect(warehouse.cancellations.filter((c) => c.orderId === part.id)).toHaveLength(1);
    expect(await getPrisma().shipment.findUniqueOrThrow({ where: { idempotencyKey: `pick:${part.id}` } })).toMatchObject({ cancelRequestedAt: expect.any(Date) });
  });

  it("stops asking when the warehouse answers 409 (already shipped)", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    await work();
    warehouse.cancelAnswer = { status: 409, body: { error: "The parcel has already been shipped." } };
    await cancel(order.orderId);
    await work();
    expect(await getPrisma().shipment.findUniqueOrThrow({ where: { idempotencyKey: `pick:${part.id}` } })).toMatchObject({
      cancelRequestedAt: null,
      lastError: "cancellation refused: HTTP 409: The parcel has already been shipped.",
    });
    expect(await jobs(SEND_PICK_CANCELLATION_TASK)).toEqual([]);
  });

  it("retries a cancellation the warehouse cannot take yet", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    await work();
    await cancel(order.orderId);
    warehouse.refuseNext(1);
    await work();
    expect((await getPrisma().shipment.findUniqueOrThrow({ where: { idempotencyKey: `pick:${part.id}` } })).lastError).toBe("cancellation: HTTP 503: Simulated outage");
    expect(await jobs(SEND_PICK_CANCELLATION_TASK)).toEqual([expect.objectContaining({ key: `pick-cancel:${part.id}`, attempts: 1 })]);
    await retryNow();
    await work();
    expect(warehouse.cancellations.filter((c) => c.orderId === part.id)).toHaveLength(1);
    expect(await jobs(SEND_PICK_CANCELLATION_TASK)).toEqual([]);
  });
});
