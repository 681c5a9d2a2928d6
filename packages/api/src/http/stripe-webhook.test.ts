// POST /api/webhooks/stripe over HTTP semantics: signature checks before anything happens, one
// effect per event, and 503 (so Stripe retries) while the database is down.
import { disconnectPrisma, getPrisma } from "@market/db";
import { migrateJobQueue } from "@market/db/job-queue";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { createPayment, createPendingOrder, paymentIntentEvent, signedDelivery } from "@market/domain/payments/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStripeWebhookHandler } from "./stripe-webhook.ts";

let database: FreshDatabase;
beforeAll(async () => {
  database = await createFreshDatabase({ label: "api_webhook" });
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
});
afterAll(async () => {
  await disconnectPrisma();
  await database?.drop();
});

const logs: { level: string; fields: Record<string, unknown> }[] = [];
const handle = createStripeWebhookHandler({ log: (level, fields) => void logs.push({ level, fields }) });

function post(body: string, signature: string | null) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (signature !== null) headers["Stripe-Signature"] = signature;
  return handle(new Request("http://localhost/api/webhooks/stripe", { method: "POST", headers, body }));
}

async function succeededEvent() {
  const order = await createPendingOrder();
  const payment = await createPayment(order);
  const event = paymentIntentEvent("payment_intent.succeeded", { id: payment.providerPaymentId!, status: "succeeded", amount: order.totalMinor, currency: "rub" });
  return { order, payment, event };
}

const effects = async (orderId: string) => ({
  order: (await getPrisma().order.findUniqueOrThrow({ where: { id: orderId } })).status,
  orderPaid: await getPrisma().outboxEvent.count({ where: { type: "OrderPaid", aggregateId: orderId } }),
});

describe("POST /api/webhooks/stripe", () => {
  it("applies a signed event once and answers duplicates with 200", async () => {
    const { order, event } = await succeededEvent();
    const { body, signature } = signedDelivery(event);
    const first = await post(body, signature);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, outcome: "paid" });
    const again = await post(body, signedDelivery(event).signature);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true, outcome: "duplicate" });
    expect(await effects(order.id)).toEqual({ order: "PAID", orderPaid: 1 });
  });

  it("answers 400 and changes nothing for a forged signature, a tampered body, a replay or no signature", async () => {
    const { order, event } = await succeededEvent();
    const forged = signedDelivery(event, { secret: "whsec_attacker" });
    const genuine = signedDelivery(event);
    const replayed = signedDelivery(event, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    const attempts = [
      post(forged.body, forged.signature),
      post(genuine.body.replace(`"amount":${order.totalMinor}`, '"amount":1'), genuine.signature),
      post(replayed.body, replayed.signature),
      post(genuine.body, null),
      post(genuine.body, "t=1,v1=deadbeef"),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: expect.stringContaining("Stripe-Signature") });
    }
    expect(await effects(order.id)).toEqual({ order: "PENDING_PAYMENT", orderPaid: 0 });
    expect(await getPrisma().processedWebhookEvent.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("answers 200 to events about payments that are not ours, so Stripe stops sending them", async () => {
    const event = paymentIntentEvent("payment_intent.succeeded", { id: "pi_elsewhere", status: "succeeded", amount: 100, currency: "usd" });
    const { body, signature } = signedDelivery(event);
    const response = await post(body, signature);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, outcome: "not-ours" });
  });

  it("answers 503 while the database is down, and applies the event once when it is redelivered", async () => {
    const { order, event } = await succeededEvent();
    const { body, signature } = signedDelivery(event);

    const url = process.env.DATABASE_URL;
    await disconnectPrisma();
    // Port 9 (discard) refuses connections: the database is unreachable for the handler.
    process.env.DATABASE_URL = "postgresql://postgres:postgres@127.0.0.1:9/unreachable";
    let down: Response;
    try {
      down = await post(body, signature);
    } finally {
      await disconnectPrisma();
      process.env.DATABASE_URL = url;
    }
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("30");
    expect(await effects(order.id)).toEqual({ order: "PENDING_PAYMENT", orderPaid: 0 });

    // Stripe retries (a fresh signature each attempt); it is applied now, and only once.
    const retried = await post(body, signedDelivery(event).signature);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toEqual({ received: true, outcome: "paid" });
    expect(await (await post(body, signedDelivery(event).signature)).json()).toEqual({ received: true, outcome: "duplicate" });
    expect(await effects(order.id)).toEqual({ order: "PAID", orderPaid: 1 });
  });
});
