// Guarantee 3 of the brief: the payment and its OrderPaid event are committed together, so an
// event written while no worker runs is delivered when one starts, and delivered once.
import { randomBytes, randomUUID } from "node:crypto";
import { disconnectPrisma, getPrisma } from "@market/db";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { markOrderPaid, placeOrder } from "@market/domain/checkout";
import { startFakeWarehouse, type FakeWarehouse } from "@market/domain/fulfilment/testing";
import { createPickupPoint, createProduct, createUser } from "@market/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, stopWorker } from "./worker.ts";

let database: FreshDatabase;
// The paid order's pick request goes here, never to a simulator a developer may be running.
let warehouse: FakeWarehouse;
beforeAll(async () => {
  warehouse = await startFakeWarehouse();
  database = await createFreshDatabase({ label: "worker_outbox" });
  const { migrateJobQueue } = await import("@market/db/job-queue");
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
});
afterAll(async () => {
  await warehouse?.close();
  await disconnectPrisma();
  await database?.drop();
});

describe("OrderPaid with the worker stopped", () => {
  it("is delivered once after the worker starts again", async () => {
    const prisma = getPrisma();
    const user = await createUser();
    const product = await createProduct();
    await prisma.cart.create({ data: { userId: user.id, lines: { create: [{ variantId: product.variants[2]!.id, quantity: 1 }] } } });
    const point = await createPickupPoint("Moscow", 2);
    const order = await placeOrder(user.id, {
      idempotencyKey: randomBytes(16).toString("base64url"),
      delivery: { method: "PICKUP", pickupPointId: point.id },
      contact: { name: "Olga", phone: "+79001112233", email: "olga@example.com" },
    });

    // No worker is running: the payment commits with its event, and nothing consumes it yet.
    await prisma.$transaction((tx) => markOrderPaid(tx, { orderId: order.orderId, paymentId: randomUUID() }));
    const event = await prisma.outboxEvent.findFirstOrThrow({ where: { aggregateId: order.orderId, type: "OrderPaid" } });
    expect(event.status).toBe("PENDING");
    expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(0);

    const worker = await startWorker({ connectionString: database.url, concurrency: 2, log: () => undefined });
    try {
      await expect
        .poll(async () => (await prisma.outboxEvent.findUniqueOrThrow({ where: { id: event.id } })).status, { timeout: 30_000, interval: 250 })
        .toBe("PROCESSED");
    } finally {
      await stopWorker(worker, () => undefined);
    }
    expect(await prisma.notification.findMany({ where: { userId: user.id }, select: { type: true, link: true } })).toEqual([
      { type: "order.paid", link: `/orders/${order.number}` },
    ]);
    expect(await prisma.emailMessage.count({ where: { to: "olga@example.com" } })).toBe(1);
  });
});
