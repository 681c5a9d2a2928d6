// POST /api/webhooks/warehouse over HTTP semantics (the brief's public contract): signature and
// payload checks before anything happens, 404 for an unknown order, one effect per event, and
// 503 (so the warehouse retries) while the database is down.
import { randomUUID } from "node:crypto";
import { disconnectPrisma, getPrisma } from "@market/db";
import { migrateJobQueue } from "@market/db/job-queue";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { signWarehousePayload } from "@market/domain/fulfilment";
import { createPaidOrder, signedWarehouseDelivery, warehouseEvent } from "@market/domain/fulfilment/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWarehouseWebhookHandler } from "./warehouse-webhook.ts";

const SECRET = "warehouse-webhook-test-secret-0123";
let database: FreshDatabase;
beforeAll(async () => {
  database = await createFreshDatabase({ label: "api_warehouse_webhook" });
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.WAREHOUSE_WEBHOOK_SECRET = SECRET;
});
afterAll(async () => {
  delete process.env.WAREHOUSE_WEBHOOK_SECRET;
  await disconnectPrisma();
  await database?.drop();
});

const logs: { level: string; fields: Record<string, unknown> }[] = [];
const handle = createWarehouseWebhookHandler({ log: (level, fields) => void logs.push({ level, fields }) });

function post(body: string, signature: string | null) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (signature !== null) headers["X-Warehouse-Signature"] = signature;
  return handle(new Request("http://localhost/api/webhooks/warehouse", { method: "POST", headers, body }));
}

const send = (event: object, options?: Parameters<typeof signedWarehouseDelivery>[1]) => {
  const { body, signature } = signedWarehouseDelivery(event, options);
  return post(body, signature);
};

const effects = async (partId: string) => ({
  status: (await getPrisma().orderPart.findUniqueOrThrow({ where: { id: partId } })).status,
  events: await getPrisma().fulfilmentEvent.count({ where: { orderPartId: partId } }),
  changes: await getPrisma().outboxEvent.count({ where: { type: "OrderPartStatusChanged", payload: { path: ["orderPartId"], equals: partId } } }),
});

describe("POST /api/webhooks/warehouse", () => {
  it("applies a signed event once and answers its duplicates with 200", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    const event = warehouseEvent({ orderId: part.id, status: "ACCEPTED" });
    const first = await send(event);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(await first.json()).toEqual({ received: true, applied: true });
    // Redelivered later, freshly signed, as the warehouse's retry would.
    const again = await send(event);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await effects(part.id)).toEqual({ status: "ACCEPTED", events: 1, changes: 1 });
  });

  it("answers 200 with applied: false to a late report, and keeps the furthest status", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    expect(await (await send(warehouseEvent({ orderId: part.id, status: "SHIPPED", occurredAt: at(5), trackingNumber: "RU000111222" }))).json()).toEqual({ received: true, applied: true });
    expect(await (await send(warehouseEvent({ orderId: part.id, status: "ACCEPTED", occurredAt: at(30) }))).json()).toEqual({ received: true, applied: false });
    expect(await effects(part.id)).toEqual({ status: "SHIPPED", events: 2, changes: 1 });
    expect((await getPrisma().orderPart.findUniqueOrThrow({ where: { id: part.id } })).trackingNumber).toBe("RU000111222");
  });

  it("accepts the order id or number, applying it to the order's marketplace parts", async () => {
    const order = await createPaidOrder({ parts: [{}, { kind: "SELLER" }] });
    const response = await send(warehouseEvent({ orderId: order.orderId, status: "PICKING" }));
    expect(await response.json()).toEqual({ received: true, applied: true });
    expect((await effects(order.parts[0]!.id)).status).toBe("PICKING");
    expect((await effects(order.parts[1]!.id)).status).toBe("NEW");
    expect(await (await send(warehouseEvent({ orderId: order.number, status: "PACKED" }))).json()).toEqual({ received: true, applied: true });
    expect((await effects(order.parts[0]!.id)).status).toBe("PACKED");
  });

  it("answers 404 for an unknown order and records nothing", async () => {
    const event = warehouseEvent({ orderId: randomUUID(), status: "ACCEPTED" });
    const response = await send(event);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: expect.stringContaining(event.orderId) });
    expect(await getPrisma().processedWebhookEvent.count({ where: { eventId: event.eventId } })).toBe(0);
  });

  it("answers 400 naming the bad field of an invalid payload", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    const cases: [object | string, RegExp][] = [
      [{ ...warehouseEvent({ orderId: part.id, status: "ACCEPTED" }), status: "TELEPORTED" }, /status must be one of ACCEPTED, PICKING, PACKED, SHIPPED, DELIVERED, CANCELLED/],
      [{ ...warehouseEvent({ orderId: part.id, status: "ACCEPTED" }), occurredAt: "tomorrow" }, /occurredAt/],
      [{ orderId: part.id, status: "ACCEPTED", occurredAt: new Date().toISOString() }, /eventId/],
      [{ eventId: "e-1", status: "ACCEPTED", occurredAt: new Date().toISOString() }, /orderId/],
      ["[1, 2", /not valid JSON/],
    ];
    for (const [body, message] of cases) {
      const raw = typeof body === "string" ? body : JSON.stringify(body);
      // Correctly signed, so only the payload is wrong.
      const response = await post(raw, signWarehousePayload(raw, SECRET));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: expect.stringMatching(message) });
    }
    expect(await effects(part.id)).toEqual({ status: "NEW", events: 0, changes: 0 });
  });

  it("answers 400 and records nothing for a forged signature, a tampered body, an old timestamp or no signature", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    const event = warehouseEvent({ orderId: part.id, status: "PACKED" });
    const genuine = signedWarehouseDelivery(event);
    const forged = signedWarehouseDelivery(event, { secret: "not-the-shared-secret-at-all" });
    const old = signedWarehouseDelivery(event, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    const attempts = [
      post(forged.body, forged.signature),
      post(genuine.body.replace("PACKED", "SHIPPED"), genuine.signature),
      post(old.body, old.signature),
      post(genuine.body, null),
      post(genuine.body, "t=1,v1=deadbeef"),
      post(genuine.body, "garbage"),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: expect.stringContaining("X-Warehouse-Signature") });
    }
    expect(await effects(part.id)).toEqual({ status: "NEW", events: 0, changes: 0 });
    expect(await getPrisma().processedWebhookEvent.count({ where: { eventId: event.eventId } })).toBe(0);
  });

  it("answers 503 with Retry-After while the database is down, and applies the event once when it is redelivered", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    const event = warehouseEvent({ orderId: part.id, status: "ACCEPTED" });
    const url = process.env.DATABASE_URL;
    await disconnectPrisma();
    // Port 9 (discard) refuses connections: the database is unreachable for the handler.
    process.env.DATABASE_URL = "postgresql://postgres:postgres@127.0.0.1:9/unreachable";
    let down: Response;
    try {
      down = await send(event);
    } finally {
      await disconnectPrisma();
      process.env.DATABASE_URL = url;
    }
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("30");
    expect(await down.json()).toEqual({ error: expect.stringContaining("not reachable") });
    expect(await effects(part.id)).toEqual({ status: "NEW", events: 0, changes: 0 });

    expect(await (await send(event)).json()).toEqual({ received: true, applied: true });
    expect(await (await send(event)).json()).toEqual({ received: true, duplicate: true });
    expect(await effects(part.id)).toEqual({ status: "ACCEPTED", events: 1, changes: 1 });
  });
});
