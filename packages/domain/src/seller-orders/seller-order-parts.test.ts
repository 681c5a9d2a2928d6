// The seller's orders from every warehouse: filters, date range rules, pagination, the detail's
// pick list and timeline, and that nothing of another shop is visible.
import { randomUUID } from "node:crypto";
import { getPrisma } from "@market/db";
import { describe, expect, it } from "vitest";
import { markPacked } from "../fulfilment/seller-shipping.ts";
import { createPaidOrder, createUnpaidOrder } from "../fulfilment/testing/index.ts";
import { createProduct, createWarehouse } from "../testing/shop-fixtures.ts";
import { getSellerOrderPart } from "./get-seller-order-part.ts";
import { listOrderParts, listSellerOrderParts } from "./list-seller-order-parts.ts";
import { createSale, createShopWithMember } from "./testing/index.ts";

const prisma = () => getPrisma();

/** A member of the shop the fixture order's part belongs to. */
async function memberOf(sellerId: string) {
  const { member } = await createShopWithMember();
  await prisma().sellerMember.create({ data: { sellerId, userId: member.id } });
  return member;
}

/** A shop with `count` paid orders, one a day from 1 March 2026 (day i at 10:00 UTC). */
async function shopWithOrders(count: number) {
  const { seller, member } = await createShopWithMember();
  const warehouse = await createWarehouse("Moscow");
  const product = await createProduct({ sellerId: seller.id, warehouseId: warehouse.id });
  const orders = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.UTC(2026, 2, 1 + i, 10));
    orders.push(
      await createSale({
        sellerId: seller.id,
        warehouseId: warehouse.id,
        paidAt: at,
        sellerStatus: i % 2 === 0 ? "NEW" : "CONFIRMED",
        status: i % 3 === 0 ? "SHIPPED" : "NEW",
        lines: [{ variantId: product.variants[0]!.id, quantity: 1 + i, unitPriceMinor: 1_000 }],
      }),
    );
  }
  return { seller, member, warehouse, orders };
}

describe("listing the seller's orders", () => {
  it("lists paid parts from every warehouse, newest first, with items, money, statuses and warehouse", async () => {
    const own = await createPaidOrder({ parts: [{ kind: "SELLER", lines: [{ quantity: 2 }, { quantity: 1 }] }] });
    const member = await memberOf(own.parts[0]!.sellerId);
    const { items, nextCursor } = await listSellerOrderParts(member.id);
    expect(nextCursor).toBeNull();
    expect(items).toEqual([
      expect.objectContaining({
        id: own.parts[0]!.id,
        order: expect.objectContaining({ number: own.number, status: "PAID" }),
        units: 3,
        subtotalMinor: 3 * 199_000,
        currency: "RUB",
        sellerStatus: "NEW",
        status: "NEW",
        warehouse: { name: expect.any(String), code: own.parts[0]!.warehouseCode },
        ownWarehouse: true,
      }),
    ]);
    // Marketplace-warehouse parts are listed too, without the badge.
    const marketplace = await createPaidOrder();
    const other = await memberOf(marketplace.parts[0]!.sellerId);
    expect((await listSellerOrderParts(other.id)).items).toEqual([expect.objectContaining({ id: marketplace.parts[0]!.id, ownWarehouse: false })]);
  });

  it("leaves out unpaid orders and other shops' orders", async () => {
    const unpaid = await createUnpaidOrder();
    const member = await memberOf(unpaid.parts[0]!.sellerId);
    expect((await listSellerOrderParts(member.id)).items).toEqual([]);
    const s = await shopWithOrders(2);
    expect((await listSellerOrderParts(member.id)).items).toEqual([]);
    await expect(listSellerOrderParts(member.id, { sellerId: s.seller.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("filters by seller status, delivery status and an inclusive date range", async () => {
    const s = await shopWithOrders(6);
    const numbers = (page: Awaited<ReturnType<typeof listSellerOrderParts>>) => page.items.map((p) => p.order.number);
    const [d1, d2, d3, d4, d5, d6] = s.orders.map((o) => o.number);
    expect(numbers(await listSellerOrderParts(s.member.id))).toEqual([d6, d5, d4, d3, d2, d1]);
    expect(numbers(await listSellerOrderParts(s.member.id, { sellerStatus: "CONFIRMED" }))).toEqual([d6, d4, d2]);
    expect(numbers(await listSellerOrderParts(s.member.id, { status: "SHIPPED" }))).toEqual([d4, d1]);
    expect(numbers(await listSellerOrderParts(s.member.id, { sellerStatus: "NEW", status: "NEW" }))).toEqual([d5, d3]);
    expect(numbers(await listSellerOrderParts(s.member.id, { from: "2026-03-02", to: "2026-03-04" }))).toEqual([d4, d3, d2]);
    expect(numbers(await listSellerOrderParts(s.member.id, { from: "2026-03-05" }))).toEqual([d6, d5]);
    expect(numbers(await listSellerOrderParts(s.member.id, { to: "2026-03-01" }))).toEqual([d1]);
    expect(numbers(await listSellerOrderParts(s.member.id, { sellerId: s.seller.id, from: "2026-03-03", to: "2026-03-03" }))).toEqual([d3]);
  });

  it("refuses a reversed or too long date range and malformed filters, with a message", async () => {
    const { member } = await createShopWithMember();
    await expect(listSellerOrderParts(member.id, { from: "2026-03-05", to: "2026-03-04" })).rejects.toThrow("The end date must be on or after the start date.");
    await expect(listSellerOrderParts(member.id, { from: "2025-01-01", to: "2026-01-02" })).rejects.toThrow("Choose a range of at most 366 days.");
    await expect(listSellerOrderParts(member.id, { from: "2025-01-01", to: "2026-01-01" })).resolves.toMatchObject({ items: [] });
    await expect(listSellerOrderParts(member.id, { from: "5 March" })).rejects.toThrow("Enter a date as YYYY-MM-DD");
    await expect(listSellerOrderParts(member.id, { sellerStatus: "SHIPPED" as never })).rejects.toThrow("Unknown order status");
    await expect(listSellerOrderParts(member.id, { cursor: "garbage" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("pages with a cursor: every order exactly once, filters kept", async () => {
    const s = await shopWithOrders(5);
    const first = await listSellerOrderParts(s.member.id, { limit: 2 });
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await listSellerOrderParts(s.member.id, { limit: 2, cursor: first.nextCursor! });
    const third = await listSellerOrderParts(s.member.id, { limit: 2, cursor: second.nextCursor! });
    expect(third.nextCursor).toBeNull();
    const seen = [...first.items, ...second.items, ...third.items].map((p) => p.order.number);
    expect(seen).toEqual(s.orders.map((o) => o.number).reverse());
    // Two orders at the same instant are told apart by id, neither skipped nor repeated.
    await prisma().orderPart.updateMany({ where: { sellerId: s.seller.id }, data: { createdAt: new Date("2026-03-03T10:00:00Z") } });
    const a = await listSellerOrderParts(s.member.id, { limit: 3 });
    const b = await listSellerOrderParts(s.member.id, { limit: 3, cursor: a.nextCursor! });
    expect(new Set([...a.items, ...b.items].map((p) => p.id)).size).toBe(5);
    expect(b.nextCursor).toBeNull();
  });

  it("lists one shop's orders for an API key's seller id", async () => {
    const s = await shopWithOrders(2);
    await shopWithOrders(1);
    expect((await listOrderParts({ sellerId: s.seller.id })).items).toHaveLength(2);
  });
});

describe("one order of the seller", () => {
  it("has the pick list with shelves, the delivery, and the applied events as its timeline", async () => {
    const order = await createPaidOrder({ deliveryMethod: "COURIER", parts: [{ kind: "SELLER", lines: [{ quantity: 2, shelfLocation: "B-01-1", size: "M", color: "Red" }, { quantity: 1, shelfLocation: null }] }] });
    const part = order.parts[0]!;
    const member = await memberOf(part.sellerId);
    await prisma().user.update({ where: { id: member.id }, data: { role: "SELLER" } });
    await markPacked(member.id, { orderPartId: part.id });
    // A late report that was recorded but not applied is not part of the history.
    await prisma().fulfilmentEvent.create({ data: { orderPartId: part.id, source: "WAREHOUSE", status: "ACCEPTED", applied: false, occurredAt: new Date() } });

    const detail = await getSellerOrderPart(member.id, { orderPartId: part.id });
    expect(detail).toMatchObject({
      id: part.id,
      order: { number: order.number, status: "PAID" },
      status: "PACKED",
      ownWarehouse: true,
      warehouse: { code: part.warehouseCode },
      delivery: { method: "COURIER", pickupPoint: null, address: { city: "Moscow", street: "Tverskaya 1" } },
    });
    expect(detail.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sku: part.lines[0]!.sku, size: "M", color: "Red", quantity: 2, shelfLocation: "B-01-1" }),
        expect.objectContaining({ sku: part.lines[1]!.sku, quantity: 1, shelfLocation: null }),
      ]),
    );
    expect(detail.timeline.map((e) => [e.status, e.source])).toEqual([["PACKED", "SELLER"]]);
  });

  it("hides the shopper's address for parts the marketplace's warehouse ships", async () => {
    const order = await createPaidOrder({ deliveryMethod: "COURIER" });
    const member = await memberOf(order.parts[0]!.sellerId);
    const detail = await getSellerOrderPart(member.id, { orderPartId: order.parts[0]!.id });
    expect(detail).toMatchObject({ ownWarehouse: false, delivery: { method: "COURIER", address: null } });
  });

  it("is NOT_FOUND for another shop's part, an unpaid one and an unknown id", async () => {
    const order = await createPaidOrder();
    const stranger = await createShopWithMember();
    await expect(getSellerOrderPart(stranger.member.id, { orderPartId: order.parts[0]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const unpaid = await createUnpaidOrder();
    const member = await memberOf(unpaid.parts[0]!.sellerId);
    await expect(getSellerOrderPart(member.id, { orderPartId: unpaid.parts[0]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSellerOrderPart(member.id, { orderPartId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSellerOrderPart(member.id, { orderPartId: "1" })).rejects.toThrow("Unknown order");
  });
});
