// The seller's dashboard and orders over their procedures: who may call them, and that another
// shop's data answers NOT_FOUND (the domain tests cover the numbers themselves).
import { disconnectPrisma, getPrisma } from "@market/db";
import { migrateJobQueue } from "@market/db/job-queue";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { createPaidOrder } from "@market/domain/fulfilment/testing";
import { createShopWithMember } from "@market/domain/seller-orders/testing";
import { createUser } from "@market/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../context.ts";
import { createCaller } from "../root.ts";

let database: FreshDatabase;
beforeAll(async () => {
  database = await createFreshDatabase({ label: "api_seller_dashboard" });
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
});
afterAll(async () => {
  await disconnectPrisma();
  await database?.drop();
});

const as = (id: string, role: SessionUser["role"] = "CUSTOMER"): SessionUser => ({ id, email: `${id}@example.com`, name: "Someone", role });
const api = (user: SessionUser | null) => createCaller({ user, requestId: "req-seller-dashboard", app: "seller", guestCartToken: null, pickupPointId: null, setCookie: () => undefined });

/** A paid order and a SELLER account that is a member of its part's shop. */
async function sellerWithOrder() {
  const order = await createPaidOrder();
  const user = await createUser("Seller Staff");
  await getPrisma().user.update({ where: { id: user.id }, data: { role: "SELLER" } });
  await getPrisma().sellerMember.create({ data: { sellerId: order.parts[0]!.sellerId, userId: user.id } });
  return { order, seller: as(user.id, "SELLER"), sellerId: order.parts[0]!.sellerId, partId: order.parts[0]!.id };
}

describe("seller dashboard and orders procedures", () => {
  it("ask signed-out callers to sign in and keep shoppers out", async () => {
    const shopper = as((await createUser()).id);
    const sellerId = crypto.randomUUID();
    await expect(api(null).sellerDashboard.get({ sellerId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api(null).sellerOrders.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api(null).sellerOrders.get({ orderPartId: sellerId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api(shopper).sellerDashboard.get({ sellerId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api(shopper).sellerOrders.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api(shopper).sellerOrders.get({ orderPartId: sellerId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("serve the member's own shop and order", async () => {
    const s = await sellerWithOrder();
    const dashboard = await api(s.seller).sellerDashboard.get({ sellerId: s.sellerId });
    expect(dashboard).toMatchObject({ shop: { id: s.sellerId }, totals: { orders: 1 } });
    expect((await api(s.seller).sellerOrders.list({})).items.map((p) => p.id)).toEqual([s.partId]);
    expect(await api(s.seller).sellerOrders.get({ orderPartId: s.partId })).toMatchObject({ id: s.partId, order: { number: s.order.number } });
  });

  it("answer NOT_FOUND for another seller's shop and order part", async () => {
    const s = await sellerWithOrder();
    const other = await createShopWithMember();
    const stranger = api(as(other.member.id, "SELLER"));
    await expect(stranger.sellerDashboard.get({ sellerId: s.sellerId })).rejects.toMatchObject({ code: "NOT_FOUND", message: "We could not find that shop." });
    await expect(stranger.sellerOrders.get({ orderPartId: s.partId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(stranger.sellerOrders.list({ sellerId: s.sellerId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await stranger.sellerOrders.list({})).items).toEqual([]);
  });

  it("report bad filters as BAD_REQUEST with the field", async () => {
    const s = await sellerWithOrder();
    await expect(api(s.seller).sellerOrders.list({ from: "2026-03-05", to: "2026-03-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The end date must be on or after the start date.",
    });
    await expect(api(s.seller).sellerOrders.list({ from: "2024-01-01", to: "2026-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Choose a range of at most 366 days." });
  });
});
