// Mass assignment: a seller sends fields it does not own (another shop's id, the rating, the sold
// count, popularity, the denormalised cheapest price, a status only an action may set, a key's
// hash) through the Seller API and through the portal's procedures. Strict inputs refuse them,
// naming the fields, and nothing is written; where an input ignores extras instead, the extras
// are proven not to be applied.
import { disconnectPrisma, getPrisma } from "@market/db";
import { migrateJobQueue } from "@market/db/job-queue";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSellerApiHandler } from "../http/seller-api/handler.ts";
import { createShop, portalAs, snapshotShop, type Shop } from "./two-shops.ts";

let database: FreshDatabase;
let A: Shop;
let B: Shop;

beforeAll(async () => {
  database = await createFreshDatabase({ label: "api_mass_assignment" });
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
  A = await createShop("a");
  B = await createShop("b");
});

afterAll(async () => {
  await disconnectPrisma();
  await database?.drop();
});

/** Fields of a product no seller sets: the platform computes them, or an action changes them. */
const NOT_THE_SELLERS = { sellerId: "", status: "ACTIVE", slug: "hijacked", ratingSum: 500, ratingCount: 100, soldCount: 10_000, popularity: 99, minPriceMinor: 1 };

const card = (sku: string) => ({
  categoryId: A.categoryId,
  title: "Honest dress",
  characteristics: { material: "Cotton" },
  variants: [{ size: "S", color: "Black", sku, priceMinor: 100_000, stocks: [{ warehouseCode: A.marketplaceWarehouseCode, quantity: 1 }] }],
});

const productRow = (id: string) =>
  getPrisma().product.findUniqueOrThrow({ where: { id }, select: { sellerId: true, status: true, slug: true, ratingSum: true, ratingCount: true, soldCount: true, popularity: true, minPriceMinor: true, title: true } });

describe("through the Seller API", () => {
  const api = createSellerApiHandler({ rateLimit: { limit: 100_000, windowSeconds: 60 }, log: () => undefined });
  async function call(method: string, path: string, body: unknown) {
    const response = await api(new Request(`http://localhost/api/seller/v1${path}`, { method, headers: { Authorization: `Bearer ${A.key}`, "Content-Type": "application/json" }, body: JSON.stringify(body) }));
    return { status: response.status, body: (await response.json()) as { error: { code: string; message: string; details?: { fields?: Record<string, string> } } } };
  }

  it("refuses a new product card carrying fields the seller does not own, naming them, and creates nothing", async () => {
    const before = await getPrisma().product.count();
    const answer = await call("POST", "/products", { ...card("HONEST-1"), ...NOT_THE_SELLERS, sellerId: B.sellerId });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("validation_failed");
    expect(answer.body.error.details?.fields).toEqual({
      body: "These fields cannot be set on a product: sellerId, status, slug, ratingSum, ratingCount, soldCount, popularity, minPriceMinor",
    });
    expect(await getPrisma().product.count()).toBe(before);
  });

  it("refuses each such field on a change, one at a time, and changes nothing", async () => {
    const original = await productRow(A.productId);
    for (const [field, value] of Object.entries({ ...NOT_THE_SELLERS, sellerId: B.sellerId })) {
      const answer = await call("PATCH", `/products/${A.productId}`, { title: "Renamed", [field]: value });
      expect(answer.status, field).toBe(422);
      expect(answer.body.error.details?.fields, field).toEqual({ body: `These fields cannot be set on a product: ${field}` });
    }
    // Inside a variant too: no stock "reserved", no variant id of someone else's.
    const nested = await call("PATCH", `/products/${A.productId}`, { variants: [{ ...card(A.sku).variants[0], sku: A.sku, id: B.variantId, reserved: 0 }] });
    expect(nested.status).toBe(422);
    expect(nested.body.error.details?.fields).toEqual({ "variants.0": "These fields cannot be set on a variant: id, reserved" });
    expect(await productRow(A.productId)).toEqual(original);
  });

  it("refuses extra fields in stock and price batches and on order actions", async () => {
    const stock = await call("POST", "/stocks", { stocks: [{ sku: A.sku, warehouseCode: A.marketplaceWarehouseCode, quantity: 3, reserved: 0, sellerId: B.sellerId }] });
    expect(stock.status).toBe(422);
    expect(Object.keys(stock.body.error.details?.fields ?? {})).toEqual(["stocks.0"]);
    const prices = await call("POST", "/prices", { sellerId: B.sellerId, prices: [{ sku: A.sku, priceMinor: 1 }] });
    expect(prices.status).toBe(422);
    const ship = await call("POST", `/orders/${A.ownPartId}/ship`, { trackingNumber: "RB123456789RU", sellerStatus: "COMPLETE", status: "DELIVERED" });
    expect(ship.status).toBe(422);
    expect(ship.body.error.details?.fields).toMatchObject({ body: expect.stringContaining("sellerStatus") });
    const part = await getPrisma().orderPart.findUniqueOrThrow({ where: { id: A.ownPartId }, select: { status: true, sellerStatus: true, trackingNumber: true } });
    expect(part).toEqual({ status: "NEW", sellerStatus: "NEW", trackingNumber: null });
    const stockRow = await getPrisma().stock.findMany({ where: { variantId: A.variantId }, select: { onHand: true, reserved: true } });
    expect(stockRow.map((s) => s.onHand).sort()).toEqual([5, 8]);
  });
});

describe("through the portal's procedures", () => {
  it("refuses a product card with fields the seller does not own, creating nothing", async () => {
    const a = portalAs(A);
    const before = await getPrisma().product.count();
    await expect(a.listings.create({ sellerId: A.sellerId, ...card("HONEST-2"), ...({ soldCount: 10_000, ratingSum: 500, popularity: 99, minPriceMinor: 1, status: "ACTIVE" } as object) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("These fields cannot be set on a product: soldCount, ratingSum, popularity, minPriceMinor, status"),
    });
    const original = await productRow(A.productId);
    await expect(a.listings.update({ sellerId: A.sellerId, productId: A.productId, ...card(A.sku), ...({ soldCount: 1 } as object) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await productRow(A.productId)).toEqual(original);
    expect(await getPrisma().product.count()).toBe(before);
  });

  it("refuses a shop's slug, status or rating on creation and in the settings", async () => {
    const a = portalAs(A);
    const details = { name: "Another Shop", legalName: "ООО «Другой»", taxId: "7707083893", contactEmail: "shop@example.com", contactPhone: "+7 495 000-00-00" };
    await expect(a.sellers.createShop({ ...details, ...({ slug: "nordic-threads", status: "ACTIVE", rating: 5 } as object) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("These fields cannot be set when creating a shop"),
    });
    const shop = await getPrisma().seller.findUniqueOrThrow({ where: { id: A.sellerId } });
    await expect(a.sellers.updateShop({ sellerId: A.sellerId, ...details, ...({ slug: "taken", status: "SUSPENDED" } as object) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("These fields cannot be changed here"),
    });
    expect(await getPrisma().seller.findUniqueOrThrow({ where: { id: A.sellerId } })).toEqual(shop);
  });

  it("refuses an API key with a chosen hash or prefix", async () => {
    const a = portalAs(A);
    const keys = await getPrisma().sellerApiKey.count();
    await expect(a.apiKeys.create({ sellerId: A.sellerId, name: "script", scopes: ["READ"], ...({ keyHash: "0".repeat(64), prefix: "mk_live_x", revokedAt: null } as object) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await getPrisma().sellerApiKey.count()).toBe(keys);
  });

  it("never applies a status or another shop's id slipped into an order action", async () => {
    const a = portalAs(A);
    const before = await snapshotShop(B.sellerId);
    // Non-strict inputs drop extras: the action does its one step on A's part, nothing else.
    await a.sellerOrders.markPacked({ orderPartId: A.ownPartId, ...({ status: "DELIVERED", sellerStatus: "COMPLETE", sellerId: B.sellerId } as object) });
    expect(await getPrisma().orderPart.findUniqueOrThrow({ where: { id: A.ownPartId }, select: { status: true, sellerStatus: true } })).toEqual({ status: "PACKED", sellerStatus: "CONFIRMED" });
    await a.sellerOrders.confirm({ orderPartId: A.partId, ...({ sellerStatus: "COMPLETE" } as object) });
    expect(await getPrisma().orderPart.findUniqueOrThrow({ where: { id: A.partId }, select: { sellerStatus: true } })).toEqual({ sellerStatus: "CONFIRMED" });
    expect(await snapshotShop(B.sellerId)).toEqual(before);
  });
});
