import { randomBytes, randomUUID } from "node:crypto";
import { getPrisma } from "@market/db";
import { describe, expect, it } from "vitest";
import { markOrderPaid, placeOrder } from "../checkout/index.ts";
import { applyFulfilmentUpdate } from "../fulfilment/apply-fulfilment-update.ts";
import { createPickupPoint, createProduct, createUser } from "../testing/shop-fixtures.ts";
import { getOrder, listOrders, shopperOrderStatus } from "./index.ts";

async function placeFor(userId: string) {
  const product = await createProduct();
  await getPrisma().cart.upsert({ where: { userId }, create: { userId }, update: {} });
  const cart = await getPrisma().cart.findUniqueOrThrow({ where: { userId } });
  await getPrisma().cartLine.create({ data: { cartId: cart.id, variantId: product.variants[2]!.id, quantity: 1 } });
  const point = await createPickupPoint("Moscow", 2);
  return placeOrder(userId, {
    idempotencyKey: randomBytes(16).toString("base64url"),
    delivery: { method: "PICKUP", pickupPointId: point.id },
    contact: { name: "Ivan", phone: "+79001234567", email: "ivan@example.com" },
  });
}

describe("a shopper's orders", () => {
  it("shows the owner the order with its parts and timeline, and nobody else", async () => {
    const owner = await createUser();
    const stranger = await createUser();
    const placed = await placeFor(owner.id);
    const detail = await getOrder(owner.id, { number: placed.number });
    expect(detail).toMatchObject({ number: placed.number, status: "awaiting-payment", totalMinor: 249_000, delivery: { method: "PICKUP" } });
    expect(detail.parts).toHaveLength(1);
    expect(detail.parts[0]!.lines[0]).toMatchObject({ quantity: 1, unitPriceMinor: 249_000, size: "L" });
    expect(detail.timeline.map((e) => e.kind)).toEqual(["placed"]);
    await expect(getOrder(stranger.id, { number: placed.number })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getOrder(owner.id, { number: "M-000000-NOSUCH" })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await getPrisma().$transaction((tx) => markOrderPaid(tx, { orderId: placed.orderId, paymentId: randomUUID() }));
    const paid = await getOrder(owner.id, { number: placed.number });
    expect(paid.status).toBe("paid");
    expect(paid.timeline.map((e) => e.kind)).toEqual(["placed", "paid"]);
  });

  it("shows a pickup order the warehouse delivered as ready for pickup, in its status and its timeline", async () => {
    const owner = await createUser();
    const placed = await placeFor(owner.id);
    await getPrisma().$transaction((tx) => markOrderPaid(tx, { orderId: placed.orderId, paymentId: randomUUID() }));
    const part = await getPrisma().orderPart.findFirstOrThrow({ where: { orderId: placed.orderId } });
    const report = (status: "ACCEPTED" | "SHIPPED" | "DELIVERED", minutes: number) =>
      getPrisma().$transaction((tx) => applyFulfilmentUpdate(tx, { orderPartId: part.id, status, occurredAt: new Date(Date.now() + minutes * 60_000), source: "WAREHOUSE", trackingNumber: status === "SHIPPED" ? "TRK-1" : null }));
    await report("ACCEPTED", 1);
    expect((await getOrder(owner.id, { number: placed.number })).status).toBe("being-prepared");
    await report("SHIPPED", 2);
    await report("DELIVERED", 3);
    const detail = await getOrder(owner.id, { number: placed.number });
    expect(detail.status).toBe("ready-for-pickup");
    expect(detail.timeline.map((e) => e.kind)).toEqual(["placed", "paid", "part-accepted", "part-shipped", "part-ready_for_pickup"]);
    expect((await listOrders(owner.id)).orders[0]).toMatchObject({ number: placed.number, status: "ready-for-pickup" });
  });

  it("lists the shopper's own orders newest first, a page at a time", async () => {
    const owner = await createUser();
    const first = await placeFor(owner.id);
    const second = await placeFor(owner.id);
    await placeFor((await createUser()).id);
    const page1 = await listOrders(owner.id, { limit: 1 });
    expect(page1.orders.map((o) => o.number)).toEqual([second.number]);
    const page2 = await listOrders(owner.id, { limit: 1, cursor: page1.nextCursor });
    expect(page2).toMatchObject({ orders: [expect.objectContaining({ number: first.number, itemCount: 1 })], nextCursor: null });
  });

  it("is as far along as its least advanced parcel", () => {
    const pickup = (status: "PAID" | "COMPLETED" | "CANCELLED") => ({ status, deliveryMethod: "PICKUP" as const });
    const courier = (status: "PAID" | "COMPLETED" | "CANCELLED") => ({ status, deliveryMethod: "COURIER" as const });
    expect(shopperOrderStatus(pickup("PAID"), [{ status: "SHIPPED" }, { status: "PICKING" }])).toBe("being-prepared");
    expect(shopperOrderStatus(pickup("PAID"), [{ status: "DELIVERED" }, { status: "READY_FOR_PICKUP" }])).toBe("ready-for-pickup");
    expect(shopperOrderStatus(pickup("CANCELLED"), [{ status: "CANCELLED" }])).toBe("cancelled");
    // A cancelled parcel does not hold the rest of the order back.
    expect(shopperOrderStatus(courier("PAID"), [{ status: "CANCELLED" }, { status: "PACKED" }])).toBe("packed");
    expect(shopperOrderStatus(courier("PAID"), [{ status: "CANCELLED" }, { status: "CANCELLED" }])).toBe("cancelled");
  });

  it("tells a pickup order that reached its pickup point apart from a courier order handed over", () => {
    // The warehouse's DELIVERED is the pickup point for a pickup order: it is waiting there.
    expect(shopperOrderStatus({ status: "PAID", deliveryMethod: "PICKUP" }, [{ status: "DELIVERED" }, { status: "SHIPPED" }])).toBe("shipped");
    expect(shopperOrderStatus({ status: "COMPLETED", deliveryMethod: "PICKUP" }, [{ status: "DELIVERED" }])).toBe("ready-for-pickup");
    expect(shopperOrderStatus({ status: "COMPLETED", deliveryMethod: "COURIER" }, [{ status: "DELIVERED" }, { status: "CANCELLED" }])).toBe("delivered");
    // Every parcel sent back: the order is returned; one parcel still kept: it is delivered.
    expect(shopperOrderStatus({ status: "COMPLETED", deliveryMethod: "COURIER" }, [{ status: "RETURNED" }, { status: "CANCELLED" }])).toBe("returned");
    expect(shopperOrderStatus({ status: "COMPLETED", deliveryMethod: "COURIER" }, [{ status: "RETURNED" }, { status: "DELIVERED" }])).toBe("delivered");
    expect(shopperOrderStatus({ status: "PAID", deliveryMethod: "COURIER" }, [{ status: "NEW" }])).toBe("paid");
    expect(shopperOrderStatus({ status: "REFUNDED", deliveryMethod: "COURIER" }, [{ status: "RETURNED" }])).toBe("refunded");
  });
});
