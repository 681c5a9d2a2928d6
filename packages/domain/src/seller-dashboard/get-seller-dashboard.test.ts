// The dashboard's numbers on known data: which sales count, on which day, best sellers, low stock,
// and that another shop's member gets nothing.
import { randomUUID } from "node:crypto";
import { getPrisma } from "@market/db";
import { describe, expect, it } from "vitest";
import { createPaidOrder } from "../fulfilment/testing/index.ts";
import { createShopWithMember, createSale } from "../seller-orders/testing/index.ts";
import { createProduct, createWarehouse } from "../testing/shop-fixtures.ts";
import { getSellerDashboard } from "./get-seller-dashboard.ts";

const NOW = new Date("2026-03-15T12:00:00Z");

async function shopWithSales() {
  const prisma = getPrisma();
  const { seller, member } = await createShopWithMember();
  const marketplace = await createWarehouse("Moscow");
  const own = await prisma.warehouse.create({ data: { code: `OWN-${randomUUID().slice(0, 8)}`, name: "Back room", kind: "SELLER", sellerId: seller.id, city: "Moscow", address: "Moscow, Shop street 1" } });
  const foreign = await createShopWithMember();
  const foreignWarehouse = await prisma.warehouse.create({ data: { code: `OWN-${randomUUID().slice(0, 8)}`, name: "Elsewhere", kind: "SELLER", sellerId: foreign.seller.id, city: "Kazan", address: "Kazan, 1" } });

  // Available: A-S 18, A-M 2 + 1 (own) = 3, B-S 10 - 6 = 4 (the other seller's warehouse does not count).
  const dressA = await createProduct({
    sellerId: seller.id,
    warehouseId: marketplace.id,
    variants: [
      { size: "S", priceMinor: 1_000, stock: [{ warehouseId: marketplace.id, onHand: 20, reserved: 2 }] },
      { size: "M", priceMinor: 1_000, stock: [{ warehouseId: marketplace.id, onHand: 2 }, { warehouseId: own.id, onHand: 1 }] },
      { size: "L", priceMinor: 1_000, isActive: false, stock: [] },
    ],
  });
  const dressB = await createProduct({
    sellerId: seller.id,
    warehouseId: marketplace.id,
    variants: [{ size: "S", priceMinor: 5_000, stock: [{ warehouseId: marketplace.id, onHand: 10, reserved: 6 }, { warehouseId: foreignWarehouse.id, onHand: 50 }] }],
  });
  await createProduct({ sellerId: seller.id, status: "DRAFT", variants: [{ size: "S", priceMinor: 100, stock: [{ warehouseId: marketplace.id, onHand: 0 }] }] });

  const [aS, aM] = dressA.variants;
  const [bS] = dressB.variants;
  const sale = (spec: Omit<Parameters<typeof createSale>[0], "sellerId" | "warehouseId">) => createSale({ sellerId: seller.id, warehouseId: marketplace.id, ...spec });
  await sale({ paidAt: new Date("2026-03-14T10:00:00Z"), lines: [{ variantId: aS!.id, quantity: 2, unitPriceMinor: 1_000 }] });
  await sale({ orderStatus: "COMPLETED", paidAt: new Date("2026-03-10T23:30:00Z"), status: "DELIVERED", sellerStatus: "COMPLETE", lines: [{ variantId: bS!.id, quantity: 1, unitPriceMinor: 5_000 }, { variantId: aS!.id, quantity: 1, unitPriceMinor: 1_000 }] });
  await sale({ orderStatus: "CANCELLED", paidAt: new Date("2026-03-14T08:00:00Z"), status: "CANCELLED", sellerStatus: "CANCELLED", lines: [{ variantId: bS!.id, quantity: 10, unitPriceMinor: 5_000 }] });
  await sale({ orderStatus: "REFUNDED", paidAt: new Date("2026-03-13T08:00:00Z"), status: "RETURNED", sellerStatus: "COMPLETE", lines: [{ variantId: bS!.id, quantity: 7, unitPriceMinor: 5_000 }] });
  await sale({ paidAt: new Date("2026-01-05T08:00:00Z"), status: "SHIPPED", sellerStatus: "CONFIRMED", lines: [{ variantId: bS!.id, quantity: 9, unitPriceMinor: 5_000 }] });
  await sale({ orderStatus: "PENDING_PAYMENT", lines: [{ variantId: aM!.id, quantity: 4, unitPriceMinor: 1_000 }] });
  return { seller, member, foreign, dressA, dressB, aM: aM!, bS: bS! };
}

describe("the seller dashboard", () => {
  it("adds up paid sales per UTC day, leaving out cancelled, refunded, unpaid and older sales", async () => {
    const s = await shopWithSales();
    const dashboard = await getSellerDashboard(s.member.id, { sellerId: s.seller.id }, { now: NOW });
    expect(dashboard.shop).toMatchObject({ id: s.seller.id, name: s.seller.name, currency: "RUB" });
    expect(dashboard.sales).toHaveLength(30);
    expect(dashboard.sales[0]!.day).toBe("2026-02-14");
    expect(dashboard.sales.at(-1)!.day).toBe("2026-03-15");
    expect(dashboard.sales.filter((d) => d.orders > 0)).toEqual([
      { day: "2026-03-10", revenueMinor: 6_000, orders: 1 },
      { day: "2026-03-14", revenueMinor: 2_000, orders: 1 },
    ]);
    expect(dashboard.totals).toEqual({ revenueMinor: 8_000, orders: 2 });
  });

  it("counts orders by seller status and delivery status, paid ones only", async () => {
    const s = await shopWithSales();
    const { statuses } = await getSellerDashboard(s.member.id, { sellerId: s.seller.id }, { now: NOW });
    expect(statuses.sellerStatus).toEqual({ NEW: 1, CONFIRMED: 1, COMPLETE: 2, CANCELLED: 1 });
    expect(statuses.deliveryStatus).toEqual({ NEW: 1, DELIVERED: 1, CANCELLED: 1, RETURNED: 1, SHIPPED: 1 });
  });

  it("ranks products by units sold in the window and finds variants at or below 5 available", async () => {
    const s = await shopWithSales();
    const dashboard = await getSellerDashboard(s.member.id, { sellerId: s.seller.id }, { now: NOW });
    expect(dashboard.topProducts).toEqual([
      { productId: s.dressA.id, title: s.dressA.title, slug: s.dressA.slug, units: 3 },
      { productId: s.dressB.id, title: s.dressB.title, slug: s.dressB.slug, units: 1 },
    ]);
    expect(dashboard.lowStock.threshold).toBe(5);
    expect(dashboard.lowStock.count).toBe(2);
    expect(dashboard.lowStock.items).toEqual([
      expect.objectContaining({ variantId: s.aM.id, size: "M", available: 3, sku: expect.stringMatching(/^SKU-/) }),
      expect.objectContaining({ variantId: s.bS.id, size: "S", available: 4 }),
    ]);
  });

  it("shows an empty dashboard for a new shop", async () => {
    const { seller, member } = await createShopWithMember();
    const dashboard = await getSellerDashboard(member.id, { sellerId: seller.id }, { now: NOW });
    expect(dashboard.totals).toEqual({ revenueMinor: 0, orders: 0 });
    expect(dashboard.topProducts).toEqual([]);
    expect(dashboard.lowStock).toEqual({ threshold: 5, count: 0, items: [] });
    expect(dashboard.statuses.sellerStatus).toEqual({ NEW: 0, CONFIRMED: 0, COMPLETE: 0, CANCELLED: 0 });
  });

  it("is NOT_FOUND for another seller's shop and for a shop that does not exist", async () => {
    const s = await shopWithSales();
    await expect(getSellerDashboard(s.foreign.member.id, { sellerId: s.seller.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSellerDashboard(s.member.id, { sellerId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSellerDashboard(s.member.id, { sellerId: "not-a-shop" })).rejects.toThrow("Unknown shop");
  });

  it("counts a real checkout's paid order today", async () => {
    const order = await createPaidOrder({ parts: [{ lines: [{ quantity: 2, priceMinor: 150_000 }] }] });
    const { seller, member } = await createShopWithMember();
    // Adopt the fixture's part into a shop the test controls (the fixture makes its own seller).
    await getPrisma().sellerMember.create({ data: { sellerId: order.parts[0]!.sellerId, userId: member.id } });
    const dashboard = await getSellerDashboard(member.id, { sellerId: order.parts[0]!.sellerId });
    expect(dashboard.sales.at(-1)).toMatchObject({ revenueMinor: 300_000, orders: 1 });
    expect(dashboard.statuses.sellerStatus.NEW).toBe(1);
    await expect(getSellerDashboard(member.id, { sellerId: seller.id })).resolves.toMatchObject({ totals: { orders: 0 } });
  });
});
