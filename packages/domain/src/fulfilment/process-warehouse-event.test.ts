// The warehouse's reports applied through the fulfilment state machine: each event once, never
// backwards, against the part we sent (or the order the QA suites see).
import { randomUUID } from "node:crypto";
import { getPrisma } from "@market/db";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { parseWarehouseWebhook, processWarehouseEvent } from "./process-warehouse-event.ts";
import { createPaidOrder, signedWarehouseDelivery, warehouseEvent, type WarehouseEventInput } from "./testing/index.ts";
import { warehouseConfig } from "./config.ts";
import { signWarehousePayload, WarehouseSignatureError } from "./warehouse-contract.ts";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** Verifies and applies an event the way the webhook route does. */
async function deliver(input: WarehouseEventInput) {
  const { body, signature } = signedWarehouseDelivery(warehouseEvent(input));
  return processWarehouseEvent(parseWarehouseWebhook(body, signature));
}

async function state(partId: string) {
  const prisma = getPrisma();
  const part = await prisma.orderPart.findUniqueOrThrow({ where: { id: partId }, select: { status: true, sellerStatus: true, trackingNumber: true, orderId: true } });
  return {
    status: part.status,
    sellerStatus: part.sellerStatus,
    trackingNumber: part.trackingNumber,
    events: (await prisma.fulfilmentEvent.findMany({ where: { orderPartId: partId }, orderBy: { receivedAt: "asc" }, select: { status: true, applied: true, source: true } })).map(
      (e) => `${e.status}${e.applied ? "" : " (late)"}`,
    ),
    changes: await prisma.outboxEvent.count({ where: { type: "OrderPartStatusChanged", aggregateId: part.orderId, payload: { path: ["orderPartId"], equals: partId } } }),
  };
}

describe("processing warehouse events", () => {
  it("applies an event once, however often it is delivered", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    const event = { eventId: `evt-${randomUUID()}`, orderId: part.id, status: "ACCEPTED" as const, occurredAt: minutesAgo(5) };
    expect(await deliver(event)).toEqual({ duplicate: false, applied: true, parts: [{ orderPartId: part.id, from: "NEW", to: "ACCEPTED", applied: true }] });
    expect(await deliver(event)).toEqual({ duplicate: true });
    // Concurrent redeliveries: one waits on the other's record, then sees it.
    const again = await Promise.all([deliver(event), deliver(event)]);
    expect(again).toEqual([{ duplicate: true }, { duplicate: true }]);
    expect(await state(part.id)).toMatchObject({ status: "ACCEPTED", sellerStatus: "CONFIRMED", events: ["ACCEPTED"], changes: 1 });
    expect(await getPrisma().processedWebhookEvent.count({ where: { source: "WAREHOUSE", eventId: event.eventId } })).toBe(1);
  });

  it("applies one of two concurrent first deliveries", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    const event = { eventId: `evt-${randomUUID()}`, orderId: part.id, status: "PICKING" as const, occurredAt: minutesAgo(5) };
    const outcomes = await Promise.all([deliver(event), deliver(event), deliver(event)]);
    expect(outcomes.filter((o) => o.duplicate)).toHaveLength(2);
    expect(await state(part.id)).toMatchObject({ status: "PICKING", events: ["PICKING"], changes: 1 });
  });

  it("completes the order when its last part still on its way is delivered, and not before", async () => {
    const orderStatus = async (orderId: string) => (await getPrisma().order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;
    const walk = async (partId: string, last: "DELIVERED" | "PACKED") => {
      for (const [i, status] of (["ACCEPTED", "PICKING", "PACKED", "SHIPPED", "DELIVERED"] as const).entries()) {
        await deliver({ orderId: partId, status, occurredAt: minutesAgo(50 - i) });
        if (status === last) return;
      }
    };
    const both = await createPaidOrder({ parts: [{}, {}] });
    await walk(both.parts[0]!.id, "DELIVERED");
    expect(await orderStatus(both.orderId)).toBe("PAID");
    await walk(both.parts[1]!.id, "DELIVERED");
    expect(await orderStatus(both.orderId)).toBe("COMPLETED");

    // One part delivered, the other cancelled before it shipped: nothing is left on its way.
    const oneCancelled = await createPaidOrder({ parts: [{}, {}] });
    await walk(oneCancelled.parts[0]!.id, "DELIVERED");
    await walk(oneCancelled.parts[1]!.id, "PACKED");
    expect(await orderStatus(oneCancelled.orderId)).toBe("PAID");
    await deliver({ orderId: oneCancelled.parts[1]!.id, status: "CANCELLED", occurredAt: minutesAgo(1) });
    expect(await orderStatus(oneCancelled.orderId)).toBe("COMPLETED");
  });

  it("completes the order when its two parts are delivered at the same moment", async () => {
    const orders = await Promise.all(Array.from({ length: 6 }, () => createPaidOrder({ parts: [{}, {}] })));
    for (const order of orders) {
      for (const part of order.parts) {
        for (const [i, status] of (["ACCEPTED", "PICKING", "PACKED", "SHIPPED"] as const).entries()) await deliver({ orderId: part.id, status, occurredAt: minutesAgo(50 - i) });
      }
    }
    // Both reports at once: each writer waits for the other on the order's row, so whichever
    // comes second sees the first part delivered and completes the order.
    await Promise.all(orders.flatMap((order) => order.parts.map((part) => deliver({ orderId: part.id, status: "DELIVERED", occurredAt: minutesAgo(1) }))));
    const statuses = await getPrisma().order.findMany({ where: { id: { in: orders.map((order) => order.orderId) } }, select: { status: true } });
    expect(statuses.map((order) => order.status)).toEqual(orders.map(() => "COMPLETED"));
  });

  it("never moves a part backwards: late reports are recorded, not applied", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    expect(await deliver({ orderId: part.id, status: "PACKED", occurredAt: minutesAgo(10) })).toMatchObject({ applied: true });
    expect(await deliver({ orderId: part.id, status: "PICKING", occurredAt: minutesAgo(20) })).toMatchObject({ duplicate: false, applied: false });
    expect(await state(part.id)).toMatchObject({ status: "PACKED", events: ["PACKED", "PICKING (late)"], changes: 1 });

    expect(await deliver({ orderId: part.id, status: "SHIPPED", occurredAt: minutesAgo(5), trackingNumber: "RU123456789" })).toMatchObject({ applied: true });
    expect(await deliver({ orderId: part.id, status: "ACCEPTED", occurredAt: minutesAgo(30) })).toMatchObject({ applied: false });
    expect(await state(part.id)).toMatchObject({ status: "SHIPPED", trackingNumber: "RU123456789", events: ["PACKED", "PICKING (late)", "SHIPPED", "ACCEPTED (late)"], changes: 2 });
    expect(await getPrisma().outboxEvent.findFirst({ where: { type: "OrderPartStatusChanged", payload: { path: ["status"], equals: "SHIPPED" }, aggregateId: order.orderId } })).toMatchObject({
      payload: { orderPartId: part.id, trackingNumber: "RU123456789", number: order.number },
    });
  });

  it("stores the tracking number on the part and its shipment when it ships", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    await getPrisma().shipment.create({ data: { orderPartId: part.id, idempotencyKey: `pick:${part.id}`, requestedAt: minutesAgo(60) } });
    const shippedAt = minutesAgo(1);
    await deliver({ orderId: part.id, status: "SHIPPED", occurredAt: shippedAt, trackingNumber: "CDEK-000123" });
    expect(await getPrisma().shipment.findUniqueOrThrow({ where: { idempotencyKey: `pick:${part.id}` } })).toMatchObject({ trackingNumber: "CDEK-000123", shippedAt });
    expect(await state(part.id)).toMatchObject({ status: "SHIPPED", trackingNumber: "CDEK-000123" });
  });

  it("does not cancel a part that has already shipped", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    await deliver({ orderId: part.id, status: "SHIPPED", occurredAt: minutesAgo(5), trackingNumber: "TRK-1" });
    expect(await deliver({ orderId: part.id, status: "CANCELLED", occurredAt: minutesAgo(1) })).toMatchObject({ applied: false });
    expect(await state(part.id)).toMatchObject({ status: "SHIPPED", events: ["SHIPPED", "CANCELLED (late)"], changes: 1 });
    // Before shipping the warehouse may cancel (it could not find the goods).
    const other = (await createPaidOrder()).parts[0]!;
    expect(await deliver({ orderId: other.id, status: "CANCELLED" })).toMatchObject({ applied: true });
    expect(await state(other.id)).toMatchObject({ status: "CANCELLED", sellerStatus: "CANCELLED" });
  });

  it("applies an order id or number to every marketplace part of that order", async () => {
    const order = await createPaidOrder({ parts: [{}, {}, { kind: "SELLER" }] });
    const [first, second, own] = order.parts;
    const byId = await deliver({ orderId: order.orderId, status: "ACCEPTED" });
    expect(byId).toMatchObject({ applied: true, parts: expect.arrayContaining([expect.objectContaining({ orderPartId: first!.id }), expect.objectContaining({ orderPartId: second!.id })]) });
    expect(byId.duplicate === false && byId.parts).toHaveLength(2);
    expect(await deliver({ orderId: order.number, status: "PICKING" })).toMatchObject({ applied: true });
    for (const part of [first!, second!]) expect(await state(part.id)).toMatchObject({ status: "PICKING", events: ["ACCEPTED", "PICKING"], changes: 2 });
    // The seller ships their own part; the warehouse has nothing to say about it.
    expect(await state(own!.id)).toMatchObject({ status: "NEW", events: [] });
  });

  it("completes a courier order when every part is delivered", async () => {
    const order = await createPaidOrder({ deliveryMethod: "COURIER", parts: [{}, {}] });
    await deliver({ orderId: order.parts[0]!.id, status: "DELIVERED" });
    expect((await getPrisma().order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("PAID");
    await deliver({ orderId: order.parts[1]!.id, status: "DELIVERED" });
    expect((await getPrisma().order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("COMPLETED");
  });

  it("refuses an unknown order and records nothing", async () => {
    const eventId = `evt-${randomUUID()}`;
    for (const orderId of [randomUUID(), "M-000000-NOSUCH"]) {
      await expect(deliver({ eventId, orderId, status: "ACCEPTED" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // An order of the seller's own warehouse was never sent to the warehouse either.
    const own = await createPaidOrder({ parts: [{ kind: "SELLER" }] });
    await expect(deliver({ eventId, orderId: own.parts[0]!.id, status: "ACCEPTED" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deliver({ eventId, orderId: own.orderId, status: "ACCEPTED" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getPrisma().processedWebhookEvent.count({ where: { eventId } })).toBe(0);
  });
});

describe("parsing warehouse webhooks", () => {
  const event = () => warehouseEvent({ orderId: randomUUID(), status: "PACKED" });

  it("accepts a body signed with the shared secret", () => {
    const sent = event();
    const { body, signature } = signedWarehouseDelivery(sent);
    expect(parseWarehouseWebhook(body, signature)).toEqual(sent);
  });

  it("refuses a forged signature, a tampered body, an old timestamp or no signature", () => {
    const { body, signature } = signedWarehouseDelivery(event());
    const forged = signedWarehouseDelivery(event(), { secret: "somebody-else-entirely" });
    const old = signedWarehouseDelivery(event(), { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(() => parseWarehouseWebhook(forged.body, forged.signature)).toThrow(WarehouseSignatureError);
    expect(() => parseWarehouseWebhook(body.replace("PACKED", "SHIPPED"), signature)).toThrow(WarehouseSignatureError);
    expect(() => parseWarehouseWebhook(old.body, old.signature)).toThrow(/300 s/);
    expect(() => parseWarehouseWebhook(body, null)).toThrow(/missing/);
  });

  it("names the bad field of an invalid event", () => {
    const cases: [object, RegExp][] = [
      [{ ...event(), status: "LOST" }, /status must be one of ACCEPTED, PICKING/],
      [{ ...event(), occurredAt: "yesterday" }, /occurredAt must be an ISO 8601 date-time/],
      [{ orderId: randomUUID(), status: "PACKED", occurredAt: new Date().toISOString() }, /eventId/],
      [{ ...event(), orderId: "" }, /orderId is required/],
    ];
    for (const [body, message] of cases) {
      const delivery = signedWarehouseDelivery(body);
      let error: unknown;
      try {
        parseWarehouseWebhook(delivery.body, delivery.signature);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
    }
    expect(() => parseWarehouseWebhook("{not json", signWarehousePayload("{not json", warehouseConfig().secret))).toThrow("The body is not valid JSON.");
  });
});
