// The seller ships parts from their own warehouse and reports each step from the portal.
import { randomBytes, randomUUID } from "node:crypto";
import { getPrisma } from "@market/db";
import { describe, expect, it } from "vitest";
import { markOrderPaid, placeOrder } from "../checkout/index.ts";
import { getOrder } from "../orders/index.ts";
import { createPickupPoint, createProduct, createSeller, createUser, createWarehouse } from "../testing/shop-fixtures.ts";
import { listOwnWarehouseParts, markDelivered, markPacked, markShipped, sellerMoveRefusal } from "./seller-shipping.ts";

const prisma = () => getPrisma();

/** A seller (with a member account) whose product sits in the seller's own warehouse, or in the marketplace's. */
async function shop({ own = true } = {}) {
  const seller = await createSeller();
  const member = await createUser("Seller Staff");
  await prisma().user.update({ where: { id: member.id }, data: { role: "SELLER" } });
  await prisma().sellerMember.create({ data: { sellerId: seller.id, userId: member.id } });
  const warehouse = own
    ? await prisma().warehouse.create({ data: { code: `OWN-${randomUUID().slice(0, 8)}`, name: "Back room", kind: "SELLER", sellerId: seller.id, city: "Moscow", address: "Moscow, Shop street 1" } })
    : await createWarehouse("Moscow");
  const product = await createProduct({ sellerId: seller.id, warehouseId: warehouse.id });
  await prisma().stock.update({ where: { variantId_warehouseId: { variantId: product.variants[2]!.id, warehouseId: warehouse.id } }, data: { shelfLocation: "A-03-2" } });
  return { seller, member, warehouse, product };
}

/** A shopper's paid order of two units of the shop's L dress, by courier. */
async function paidOrder(s: Awaited<ReturnType<typeof shop>>) {
  const shopper = await createUser("Olga Smirnova");
  await prisma().cart.create({ data: { userId: shopper.id, lines: { create: [{ variantId: s.product.variants[2]!.id, quantity: 2 }] } } });
  await createPickupPoint("Moscow", 2);
  const placed = await placeOrder(shopper.id, {
    idempotencyKey: randomBytes(16).toString("base64url"),
    delivery: { method: "COURIER", address: { city: "Moscow", street: "Tverskaya 1", apartment: "12" } },
    contact: { name: "Olga Smirnova", phone: "+7 900 555-00-11", email: "olga@example.com" },
  });
  await prisma().$transaction((tx) => markOrderPaid(tx, { orderId: placed.orderId, paymentId: randomUUID() }));
  const part = await prisma().orderPart.findFirstOrThrow({ where: { orderId: placed.orderId } });
  return { shopper, number: placed.number, orderId: placed.orderId, partId: part.id };
}

describe("listing parts to ship from the seller's own warehouse", () => {
  it("shows the member the paid parts with their pick list, delivery and recipient", async () => {
    const s = await shop();
    const order = await paidOrder(s);
    const [part, ...rest] = await listOwnWarehouseParts(s.member.id);
    expect(rest).toEqual([]);
    expect(part).toMatchObject({
      id: order.partId,
      status: "NEW",
      seller: { id: s.seller.id },
      warehouse: { id: s.warehouse.id, name: "Back room" },
      order: { number: order.number },
      delivery: { method: "COURIER", pickupPoint: null, address: { city: "Moscow", street: "Tverskaya 1", apartment: "12" } },
      recipient: { name: "Olga Smirnova", phone: "+7 900 555-00-11" },
      lines: [{ sku: expect.stringMatching(/^SKU-/), size: "L", color: "Black", quantity: 2, shelfLocation: "A-03-2" }],
    });
    expect(await listOwnWarehouseParts(s.member.id, { status: "SHIPPED" })).toEqual([]);
    expect(await listOwnWarehouseParts(s.member.id, { status: "NEW" })).toHaveLength(1);
  });

  it("lists nothing of other shops, of marketplace warehouses, or unpaid", async () => {
    const s = await shop();
    await paidOrder(s);
    const other = await shop();
    expect(await listOwnWarehouseParts(other.member.id)).toEqual([]);

    const marketplace = await shop({ own: false });
    const order = await paidOrder(marketplace);
    expect(await listOwnWarehouseParts(marketplace.member.id)).toEqual([]);
    await expect(markPacked(marketplace.member.id, { orderPartId: order.partId })).rejects.toMatchObject({ code: "NOT_FOUND" });

    const unpaid = await shop();
    await prisma().cart.create({ data: { userId: (await createUser()).id, lines: { create: [{ variantId: unpaid.product.variants[2]!.id, quantity: 1 }] } } });
    expect(await listOwnWarehouseParts(unpaid.member.id)).toEqual([]);
  });
});

describe("reporting shipping steps", () => {
  it("packed, shipped with tracking, delivered: the shopper's order follows", async () => {
    const s = await shop();
    const order = await paidOrder(s);
    expect(await markPacked(s.member.id, { orderPartId: order.partId })).toMatchObject({ status: "PACKED" });
    expect((await getOrder(order.shopper.id, { number: order.number })).status).toBe("packed");

    await expect(markShipped(s.member.id, { orderPartId: order.partId, trackingNumber: "x" })).rejects.toThrow("at least 3 characters");
    expect(await markShipped(s.member.id, { orderPartId: order.partId, trackingNumber: " RP123456789RU " })).toMatchObject({ status: "SHIPPED", trackingNumber: "RP123456789RU" });
    const shipped = await getOrder(order.shopper.id, { number: order.number });
    expect(shipped).toMatchObject({ status: "shipped", parts: [{ trackingNumber: "RP123456789RU" }] });
    expect(shipped.timeline.map((e) => e.kind)).toEqual(["placed", "paid", "part-packed", "part-shipped"]);

    expect(await markDelivered(s.member.id, { orderPartId: order.partId })).toMatchObject({ status: "DELIVERED" });
    expect((await getOrder(order.shopper.id, { number: order.number })).status).toBe("delivered");
    expect(await prisma().order.findUniqueOrThrow({ where: { id: order.orderId } })).toMatchObject({ status: "COMPLETED" });
    expect(await prisma().orderPart.findUniqueOrThrow({ where: { id: order.partId } })).toMatchObject({ sellerStatus: "COMPLETE" });
    expect(await prisma().fulfilmentEvent.findMany({ where: { orderPartId: order.partId }, orderBy: { occurredAt: "asc" }, select: { status: true, source: true, applied: true } })).toEqual([
      { status: "PACKED", source: "SELLER", applied: true },
      { status: "SHIPPED", source: "SELLER", applied: true },
      { status: "DELIVERED", source: "SELLER", applied: true },
    ]);
    expect(await prisma().outboxEvent.count({ where: { type: "OrderPartStatusChanged", aggregateId: order.orderId } })).toBe(3);
  });

  it("refuses another shop's member, and an unknown part", async () => {
    const s = await shop();
    const order = await paidOrder(s);
    const other = await shop();
    await expect(markPacked(other.member.id, { orderPartId: order.partId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(markShipped(other.member.id, { orderPartId: order.partId, trackingNumber: "TRK-1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(markDelivered(s.member.id, { orderPartId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await prisma().orderPart.findUniqueOrThrow({ where: { id: order.partId } })).status).toBe("NEW");
  });

  it("never moves a part backwards, and says why", async () => {
    const s = await shop();
    const order = await paidOrder(s);
    await expect(markDelivered(s.member.id, { orderPartId: order.partId })).rejects.toMatchObject({ code: "CONFLICT", message: "Mark the parcel shipped before marking it delivered." });
    await markShipped(s.member.id, { orderPartId: order.partId, trackingNumber: "TRK-42" });
    await expect(markPacked(s.member.id, { orderPartId: order.partId })).rejects.toMatchObject({ code: "CONFLICT", message: "This parcel has already been shipped." });
    await expect(markShipped(s.member.id, { orderPartId: order.partId, trackingNumber: "TRK-43" })).rejects.toMatchObject({ code: "CONFLICT", message: "This parcel has already been shipped." });
    expect(await prisma().orderPart.findUniqueOrThrow({ where: { id: order.partId } })).toMatchObject({ status: "SHIPPED", trackingNumber: "TRK-42" });
  });

  it.each([
    { from: "NEW", to: "PACKED", refusal: null },
    { from: "PICKING", to: "SHIPPED", refusal: null },
    { from: "NEW", to: "SHIPPED", refusal: null },
    { from: "SHIPPED", to: "DELIVERED", refusal: null },
    { from: "READY_FOR_PICKUP", to: "DELIVERED", refusal: null },
    { from: "PACKED", to: "PACKED", refusal: "This parcel has already been packed." },
    { from: "DELIVERED", to: "SHIPPED", refusal: "This parcel has already been delivered." },
    { from: "READY_FOR_PICKUP", to: "SHIPPED", refusal: "This parcel is already waiting at the pickup point." },
    { from: "DELIVERED", to: "DELIVERED", refusal: "This parcel has already been delivered." },
    { from: "PACKED", to: "DELIVERED", refusal: "Mark the parcel shipped before marking it delivered." },
    { from: "CANCELLED", to: "PACKED", refusal: "This order was cancelled, so there is nothing to send." },
    { from: "AWAITING_PAYMENT", to: "PACKED", refusal: "This order has not been paid yet." },
    { from: "RETURNED", to: "DELIVERED", refusal: "This parcel has been returned." },
  ] as const)("$from → $to: $refusal", ({ from, to, refusal }) => {
    expect(sellerMoveRefusal(from, to)).toBe(refusal);
  });
});
