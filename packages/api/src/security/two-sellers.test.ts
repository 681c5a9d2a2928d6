// Two sellers, every door: for EVERY seller-facing tRPC procedure and EVERY Seller REST API
// operation, seller A aims at seller B's product, order part, stock, key, import job or shop, and
// is refused exactly like for something that does not exist (NOT_FOUND / 404, or FORBIDDEN /
// 403), and afterwards B's data is unchanged to the last column.
//
// The tables are checked against the router and the operation list: a procedure or an operation
// added without a row here (or without being listed as not shop-scoped, with the reason) fails
// this file, so a new door cannot be forgotten.
import { randomUUID } from "node:crypto";
import { disconnectPrisma } from "@market/db";
import { migrateJobQueue } from "@market/db/job-queue";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { readdirSync } from "node:fs";
import path from "node:path";
import { isPublicImageKey } from "@market/domain/files";
import { SELLER_API_OPERATIONS } from "@market/domain/seller-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExportHandler } from "../http/exports/handler.ts";
import { createSellerApiHandler } from "../http/seller-api/handler.ts";
import { createUploadHandler } from "../http/uploads/handler.ts";
import { appRouter } from "../root.ts";
import { sellerProcedure } from "../trpc.ts";
import { createShop, portalAs, snapshotShop, type Shop } from "./two-shops.ts";

let database: FreshDatabase;
let A: Shop;
let B: Shop;
let before: Awaited<ReturnType<typeof snapshotShop>>;

beforeAll(async () => {
  database = await createFreshDatabase({ label: "api_two_sellers" });
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
  A = await createShop("a");
  B = await createShop("b");
  before = await snapshotShop(B.sellerId);
});

afterAll(async () => {
  await disconnectPrisma();
  await database?.drop();
});

const MISSING = "0190a000-0000-7000-8000-00000000dead";
type Portal = ReturnType<typeof portalAs>;
/** What A's call may answer: refused like a missing thing, or forbidden. */
const REFUSED = ["NOT_FOUND", "FORBIDDEN"];

async function expectRefused(call: Promise<unknown>) {
  const error = await call.then(
    (value) => {
      throw new Error(`expected a refusal, got ${JSON.stringify(value)?.slice(0, 300)}`);
    },
    (thrown: unknown) => thrown as { code?: string; message?: string },
  );
  expect(REFUSED, `refused with ${error.code}: ${error.message}`).toContain(error.code);
  return error;
}

/**
 * A call on B's resource and the same call on a missing id give the same answer, so a seller
 * cannot even learn that B's resource exists.
 */
async function expectLikeMissing(onB: () => Promise<unknown>, onMissing: () => Promise<unknown>) {
  const b = await expectRefused(onB());
  const missing = await expectRefused(onMissing());
  expect({ code: b.code, message: b.message }).toEqual({ code: missing.code, message: missing.message });
}

/** A valid product card in A's category, as a seller would send it. */
const listing = (sku: string) => ({
  categoryId: A.categoryId,
  title: "Stolen dress",
  description: "<p>Not yours</p>",
  characteristics: { material: "Cotton" },
  variants: [{ size: "S", color: "Black", sku, priceMinor: 100_000, stocks: [{ warehouseCode: A.marketplaceWarehouseCode, quantity: 1 }] }],
});

const SHOP_DETAILS = { name: "Taken Over", legalName: "ООО «Захват»", taxId: "7707083893", contactEmail: "thief@example.com", contactPhone: "+7 495 000-00-00" };

// --- tRPC --------------------------------------------------------------------------------------

type PortalRow =
  | { attack: (a: Portal) => Promise<void> }
  /** Not about one shop's data: why, in a sentence a reviewer can check. */
  | { notShopScoped: string };

/**
 * Every seller-facing procedure. `attack` runs as a member of shop A against shop B's data and
 * must end in refusals (or, for lists, results without any of B's data).
 */
const PORTAL: Record<string, PortalRow> = {
  "sellers.myShops": {
    attack: async (a) => {
      const shops = await a.sellers.myShops();
      expect(shops.map((shop: { id: string }) => shop.id)).toEqual([A.sellerId]);
    },
  },
  "sellers.createShop": { notShopScoped: "Creates a new shop owned by the caller; it takes no shop id, and its strict input refuses one (see mass-assignment.test.ts)." },
  "sellers.profile": { notShopScoped: "The public shop page (name, rating), the same for everyone, signed in or not; it changes nothing." },
  "sellers.shopSettings": { attack: (a) => expectLikeMissing(() => a.sellers.shopSettings({ sellerId: B.sellerId }), () => a.sellers.shopSettings({ sellerId: MISSING })) },
  "sellers.updateShop": {
    attack: (a) =>
      expectLikeMissing(
        () => a.sellers.updateShop({ sellerId: B.sellerId, ...SHOP_DETAILS }),
        () => a.sellers.updateShop({ sellerId: MISSING, ...SHOP_DETAILS }),
      ),
  },
  "sellerImports.categories": { notShopScoped: "The category names a products CSV may use, the same for every seller; read-only." },
  "sellerImports.preview": {
    attack: (a) =>
      expectLikeMissing(
        () => a.sellerImports.preview({ sellerId: B.sellerId, kind: "STOCK_PRICES", fileName: "stock.csv", content: `sku,warehouse,quantity\n${B.sku},${B.ownWarehouseCode},1\n` }),
        () => a.sellerImports.preview({ sellerId: MISSING, kind: "STOCK_PRICES", fileName: "stock.csv", content: `sku,warehouse,quantity\n${B.sku},${B.ownWarehouseCode},1\n` }),
      ),
  },
  "sellerImports.start": {
    attack: async (a) => {
      // B's uploaded file started as an import of A's shop, and under B's shop.
      await expectLikeMissing(
        () => a.sellerImports.start({ sellerId: A.sellerId, kind: "STOCK_PRICES", fileKey: B.importFileKey }),
        () => a.sellerImports.start({ sellerId: A.sellerId, kind: "STOCK_PRICES", fileKey: `imports/${A.sellerId}/${MISSING}/stock.csv` }),
      );
      await expectLikeMissing(
        () => a.sellerImports.start({ sellerId: B.sellerId, kind: "STOCK_PRICES", fileKey: B.importFileKey }),
        () => a.sellerImports.start({ sellerId: MISSING, kind: "STOCK_PRICES", fileKey: B.importFileKey }),
      );
    },
  },
  "sellerImports.get": {
    attack: async (a) => {
      await expectLikeMissing(() => a.sellerImports.get({ sellerId: A.sellerId, importJobId: B.importJobId }), () => a.sellerImports.get({ sellerId: A.sellerId, importJobId: MISSING }));
      await expectLikeMissing(() => a.sellerImports.get({ sellerId: B.sellerId, importJobId: B.importJobId }), () => a.sellerImports.get({ sellerId: MISSING, importJobId: B.importJobId }));
    },
  },
  "sellerImports.list": {
    attack: async (a) => {
      await expectLikeMissing(() => a.sellerImports.list({ sellerId: B.sellerId }), () => a.sellerImports.list({ sellerId: MISSING }));
      expect((await a.sellerImports.list({ sellerId: A.sellerId })).map((job) => job.id)).toEqual([A.importJobId]);
    },
  },
  "sellerOrders.toShip": {
    attack: async (a) => {
      const parts = await a.sellerOrders.toShip({});
      expect(parts.map((part) => part.id)).not.toContain(B.ownPartId);
      expect(parts.every((part) => part.seller.id === A.sellerId)).toBe(true);
    },
  },
  "sellerOrders.markPacked": { attack: (a) => expectLikeMissing(() => a.sellerOrders.markPacked({ orderPartId: B.ownPartId }), () => a.sellerOrders.markPacked({ orderPartId: MISSING })) },
  "sellerOrders.markShipped": {
    attack: (a) => expectLikeMissing(() => a.sellerOrders.markShipped({ orderPartId: B.ownPartId, trackingNumber: "RB123456789RU" }), () => a.sellerOrders.markShipped({ orderPartId: MISSING, trackingNumber: "RB123456789RU" })),
  },
  "sellerOrders.markDelivered": { attack: (a) => expectLikeMissing(() => a.sellerOrders.markDelivered({ orderPartId: B.ownPartId }), () => a.sellerOrders.markDelivered({ orderPartId: MISSING })) },
  "sellerOrders.list": {
    attack: async (a) => {
      await expectLikeMissing(() => a.sellerOrders.list({ sellerId: B.sellerId }), () => a.sellerOrders.list({ sellerId: MISSING }));
      const page = await a.sellerOrders.list({});
      expect(page.items.map((part) => part.id).sort()).toEqual([A.partId, A.ownPartId, A.deliveredPartId].sort());
    },
  },
  "sellerOrders.get": {
    attack: async (a) => {
      await expectLikeMissing(() => a.sellerOrders.get({ orderPartId: B.partId }), () => a.sellerOrders.get({ orderPartId: MISSING }));
      await expectLikeMissing(() => a.sellerOrders.get({ orderPartId: B.ownPartId }), () => a.sellerOrders.get({ orderPartId: MISSING }));
    },
  },
  "sellerOrders.confirm": {
    attack: async (a) => {
      await expectLikeMissing(() => a.sellerOrders.confirm({ orderPartId: B.partId }), () => a.sellerOrders.confirm({ orderPartId: MISSING }));
      await expectLikeMissing(() => a.sellerOrders.confirm({ orderPartId: B.ownPartId }), () => a.sellerOrders.confirm({ orderPartId: MISSING }));
    },
  },
  "sellerOrders.cancel": {
    attack: async (a) => {
      await expectLikeMissing(() => a.sellerOrders.cancel({ orderPartId: B.partId, reason: "Out of stock" }), () => a.sellerOrders.cancel({ orderPartId: MISSING, reason: "Out of stock" }));
      await expectLikeMissing(() => a.sellerOrders.cancel({ orderPartId: B.ownPartId, reason: "Out of stock" }), () => a.sellerOrders.cancel({ orderPartId: MISSING, reason: "Out of stock" }));
    },
  },
  "returns.sellerList": {
    attack: async (a) => {
      const page = await a.returns.sellerList({});
      expect(page.returns.map((item) => item.id)).toEqual([A.returnId]);
    },
  },
  "returns.accept": { attack: (a) => expectLikeMissing(() => a.returns.accept({ id: B.returnId }), () => a.returns.accept({ id: MISSING })) },
  "returns.reject": {
    attack: (a) => expectLikeMissing(() => a.returns.reject({ id: B.returnId, reason: "Worn and washed" }), () => a.returns.reject({ id: MISSING, reason: "Worn and washed" })),
  },
  "listings.categories": { notShopScoped: "The category tree to choose from, the same for every seller; read-only." },
  "listings.categoryForm": { notShopScoped: "A category's characteristics and size chart, the same for every seller; read-only." },
  "listings.warehouses": { attack: (a) => expectLikeMissing(() => a.listings.warehouses({ sellerId: B.sellerId }), () => a.listings.warehouses({ sellerId: MISSING })) },
  "listings.list": {
    attack: async (a) => {
      await expectLikeMissing(() => a.listings.list({ sellerId: B.sellerId }), () => a.listings.list({ sellerId: MISSING }));
      const page = await a.listings.list({ sellerId: A.sellerId });
      expect(page.items.map((item) => item.id)).toEqual([A.productId]);
    },
  },
  "listings.get": {
    attack: async (a) => {
      await expectLikeMissing(() => a.listings.get({ sellerId: A.sellerId, productId: B.productId }), () => a.listings.get({ sellerId: A.sellerId, productId: MISSING }));
      await expectLikeMissing(() => a.listings.get({ sellerId: B.sellerId, productId: B.productId }), () => a.listings.get({ sellerId: MISSING, productId: B.productId }));
    },
  },
  "listings.create": {
    attack: (a) => expectLikeMissing(() => a.listings.create({ sellerId: B.sellerId, ...listing("STOLEN-1") }), () => a.listings.create({ sellerId: MISSING, ...listing("STOLEN-1") })),
  },
  "listings.update": {
    attack: async (a) => {
      await expectLikeMissing(
        () => a.listings.update({ sellerId: A.sellerId, productId: B.productId, ...listing("STOLEN-2") }),
        () => a.listings.update({ sellerId: A.sellerId, productId: MISSING, ...listing("STOLEN-2") }),
      );
      // B's own SKU on a product of A's: another shop's SKU is not A's to take.
      await expectLikeMissing(
        () => a.listings.update({ sellerId: B.sellerId, productId: B.productId, ...listing(B.sku) }),
        () => a.listings.update({ sellerId: MISSING, productId: B.productId, ...listing(B.sku) }),
      );
    },
  },
  ...Object.fromEntries(
    (["publish", "unpublish", "archive"] as const).map((action) => [
      `listings.${action}`,
      {
        attack: async (a: Portal) => {
          await expectLikeMissing(() => a.listings[action]({ sellerId: A.sellerId, productId: B.productId }), () => a.listings[action]({ sellerId: A.sellerId, productId: MISSING }));
          await expectLikeMissing(() => a.listings[action]({ sellerId: B.sellerId, productId: B.productId }), () => a.listings[action]({ sellerId: MISSING, productId: B.productId }));
        },
      },
    ]),
  ),
  "sellerDashboard.get": { attack: (a) => expectLikeMissing(() => a.sellerDashboard.get({ sellerId: B.sellerId }), () => a.sellerDashboard.get({ sellerId: MISSING })) },
  "apiKeys.list": { attack: (a) => expectLikeMissing(() => a.apiKeys.list({ sellerId: B.sellerId }), () => a.apiKeys.list({ sellerId: MISSING })) },
  "apiKeys.create": {
    attack: (a) =>
      expectLikeMissing(
        () => a.apiKeys.create({ sellerId: B.sellerId, name: "stolen", scopes: ["READ"] }),
        () => a.apiKeys.create({ sellerId: MISSING, name: "stolen", scopes: ["READ"] }),
      ),
  },
  "apiKeys.revoke": {
    attack: async (a) => {
      // B's key named under B's shop, and under A's own shop: both unknown to A.
      await expectLikeMissing(() => a.apiKeys.revoke({ sellerId: B.sellerId, keyId: B.keyId }), () => a.apiKeys.revoke({ sellerId: MISSING, keyId: MISSING }));
      await expectLikeMissing(() => a.apiKeys.revoke({ sellerId: A.sellerId, keyId: B.keyId }), () => a.apiKeys.revoke({ sellerId: A.sellerId, keyId: MISSING }));
    },
  },
};

type AnyProcedure = { _def: { middlewares: unknown[]; type: string } };
const procedures = (appRouter as unknown as { _def: { procedures: Record<string, AnyProcedure> } })._def.procedures;
// requireRole("SELLER") adds one middleware of its own: any procedure carrying it is built on
// sellerProcedure (or on something built on it).
const sellerOnly = (sellerProcedure as unknown as AnyProcedure)._def.middlewares.at(-1);
/** Routers of the seller portal: everything in them is covered, whatever procedure it is built on. */
const SELLER_ROUTERS = ["sellers", "sellerOrders", "sellerDashboard", "apiKeys", "listings", "sellerImports", "uploads"];

const sellerFacing = Object.keys(procedures)
  .filter((path) => procedures[path]!._def.middlewares.includes(sellerOnly) || SELLER_ROUTERS.includes(path.split(".")[0]!))
  .sort();

describe("every seller-facing tRPC procedure", () => {
  it("has a row in the table (or is listed as not shop-scoped), and every row names a procedure that exists", () => {
    expect(sellerFacing.length).toBeGreaterThan(10);
    expect(sellerFacing.filter((path) => !(path in PORTAL)), "procedures without a row in PORTAL").toEqual([]);
    expect(Object.keys(PORTAL).filter((path) => !(path in procedures)), "rows for procedures that do not exist").toEqual([]);
  });

  it.each(Object.entries(PORTAL).filter((entry): entry is [string, { attack: (a: Portal) => Promise<void> }] => "attack" in entry[1]))(
    "%s refuses shop A's member B's data and changes none of it",
    async (_path, row) => {
      await row.attack(portalAs(A));
      expect(await snapshotShop(B.sellerId)).toEqual(before);
    },
  );

  it("answers seller-only procedures with FORBIDDEN for a shopper", async () => {
    const shopper = portalAs({ ...A, user: { ...A.user, role: "CUSTOMER" } });
    await expect(shopper.sellerOrders.get({ orderPartId: B.partId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(shopper.apiKeys.list({ sellerId: B.sellerId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

// --- the Seller REST API -----------------------------------------------------------------------

const BASE = "http://localhost/api/seller/v1";
const api = createSellerApiHandler({ rateLimit: { limit: 100_000, windowSeconds: 60 }, log: () => undefined });

async function call(method: string, path: string, body?: unknown) {
  const response = await api(
    new Request(`${BASE}${path}`, {
      method,
      headers: { Authorization: `Bearer ${A.key}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string; details?: { fields?: Record<string, string> } } } & Record<string, unknown> };
}

/** B's resource answers like a missing one: 404 not_found (or 403), with the same message. */
async function restLikeMissing(method: string, path: (id: string) => string, id: string, body?: unknown) {
  const onB = await call(method, path(id), body);
  const missing = await call(method, path(MISSING), body);
  expect([403, 404], JSON.stringify(onB.body)).toContain(onB.status);
  expect(onB).toEqual(missing);
}

type RestRow = { attack: () => Promise<void> } | { notShopScoped: string };

/** Every operation of operations.ts, by "METHOD /path". */
const REST: Record<string, RestRow> = {
  "GET /products": {
    attack: async () => {
      const { status, body } = await call("GET", "/products?limit=100");
      expect(status).toBe(200);
      expect((body.items as { id: string }[]).map((p) => p.id)).toEqual([A.productId]);
    },
  },
  "GET /products/{id}": { attack: () => restLikeMissing("GET", (id) => `/products/${id}`, B.productId) },
  "POST /products": {
    attack: async () => {
      // A new card of A's may not take B's SKU (it is answered like any SKU already taken) nor stock B's own warehouse.
      const { status, body } = await call("POST", "/products", {
        ...listing(B.sku),
        variants: [{ size: "S", color: "Black", sku: B.sku, priceMinor: 100_000, stocks: [{ warehouseCode: B.ownWarehouseCode, quantity: 1 }] }],
      });
      expect(status).toBe(422);
      expect(Object.keys(body.error?.details?.fields ?? {}).sort()).toEqual(["variants.0.sku", "variants.0.stocks.0.warehouseCode"]);
    },
  },
  "PATCH /products/{id}": { attack: () => restLikeMissing("PATCH", (id) => `/products/${id}`, B.productId, { title: "Stolen dress" }) },
  "POST /products/{id}/publish": { attack: () => restLikeMissing("POST", (id) => `/products/${id}/publish`, B.productId) },
  "POST /products/{id}/unpublish": { attack: () => restLikeMissing("POST", (id) => `/products/${id}/unpublish`, B.productId) },
  "POST /products/{id}/archive": { attack: () => restLikeMissing("POST", (id) => `/products/${id}/archive`, B.productId) },
  "POST /stocks": {
    attack: async () => {
      // B's SKU in A's warehouse, and A's SKU in B's own warehouse: neither is A's to set.
      const { status, body } = await call("POST", "/stocks", {
        stocks: [
          { sku: B.sku, warehouseCode: A.marketplaceWarehouseCode, quantity: 99 },
          { sku: A.sku, warehouseCode: B.ownWarehouseCode, quantity: 99 },
        ],
      });
      expect(status).toBe(422);
      expect(body.error?.details?.fields).toEqual({
        "stocks.0.sku": `SKU "${B.sku}" is not in your catalogue.`,
        "stocks.1.warehouseCode": `Warehouse "${B.ownWarehouseCode}" is not one you can keep stock in: use a marketplace warehouse or one of your own.`,
      });
    },
  },
  "POST /prices": {
    attack: async () => {
      const { status, body } = await call("POST", "/prices", { prices: [{ sku: B.sku, priceMinor: 100 }] });
      expect(status).toBe(422);
      expect(body.error?.details?.fields).toEqual({ "prices.0.sku": `SKU "${B.sku}" is not in your catalogue.` });
    },
  },
  "GET /orders": {
    attack: async () => {
      const { status, body } = await call("GET", "/orders?limit=100");
      expect(status).toBe(200);
      expect((body.items as { id: string }[]).map((p) => p.id).sort()).toEqual([A.partId, A.ownPartId, A.deliveredPartId].sort());
    },
  },
  "GET /orders/{id}": { attack: () => restLikeMissing("GET", (id) => `/orders/${id}`, B.partId) },
  "POST /orders/{id}/confirm": {
    attack: async () => {
      await restLikeMissing("POST", (id) => `/orders/${id}/confirm`, B.partId);
      await restLikeMissing("POST", (id) => `/orders/${id}/confirm`, B.ownPartId);
    },
  },
  "POST /orders/{id}/pack": { attack: () => restLikeMissing("POST", (id) => `/orders/${id}/pack`, B.ownPartId) },
  "POST /orders/{id}/ship": { attack: () => restLikeMissing("POST", (id) => `/orders/${id}/ship`, B.ownPartId, { trackingNumber: "RB123456789RU" }) },
  "POST /orders/{id}/deliver": { attack: () => restLikeMissing("POST", (id) => `/orders/${id}/deliver`, B.ownPartId) },
  "POST /orders/{id}/cancel": {
    attack: async () => {
      await restLikeMissing("POST", (id) => `/orders/${id}/cancel`, B.partId, { reason: "Out of stock" });
      await restLikeMissing("POST", (id) => `/orders/${id}/cancel`, B.ownPartId, { reason: "Out of stock" });
    },
  },
  "GET /openapi.json": { notShopScoped: "The API's public description, served without a key; it holds no shop's data." },
};

describe("every Seller REST API operation", () => {
  const declared = SELLER_API_OPERATIONS.map((operation) => `${operation.method} ${operation.path}`).sort();

  it("has a row in the table (or is listed as not shop-scoped), and every row names an operation that exists", () => {
    expect(declared.filter((route) => !(route in REST)), "operations without a row in REST").toEqual([]);
    expect(Object.keys(REST).filter((route) => !declared.includes(route)), "rows for operations that do not exist").toEqual([]);
  });

  it.each(Object.entries(REST).filter((entry): entry is [string, { attack: () => Promise<void> }] => "attack" in entry[1]))(
    "%s refuses A's key B's data and changes none of it",
    async (_route, row) => {
      await row.attack();
      expect(await snapshotShop(B.sellerId)).toEqual(before);
    },
  );
});

// --- the portal's other HTTP routes (apps/seller/src/app/**/route.ts) ---------------------------

const PORTAL_ORIGIN = "http://localhost:3001";

async function upload(kind: "product" | "logo", sellerId: string) {
  let stored = 0;
  const handler = createUploadHandler({
    kind,
    getUser: async () => A.user,
    allowedOrigins: [PORTAL_ORIGIN],
    trustForwardedHost: false,
    log: () => undefined,
    store: async () => {
      stored += 1;
      throw new Error("a refused upload must never reach the store");
    },
  });
  const form = new FormData();
  form.set("sellerId", sellerId);
  form.set("file", new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "picture.png", { type: "image/png" }));
  const response = await handler(new Request(`${PORTAL_ORIGIN}/api/uploads/images`, { method: "POST", headers: { Origin: PORTAL_ORIGIN }, body: form }));
  return { status: response.status, body: await response.text(), stored };
}

async function download(kind: "catalog" | "import-errors", query: string) {
  const handler = createExportHandler({ kind, getUser: async () => A.user, log: () => undefined });
  const response = await handler(new Request(`${PORTAL_ORIGIN}/api/exports/${kind}.csv?${query}`));
  return { status: response.status, body: await response.text() };
}

/** By the route's folder under apps/seller/src/app. */
const ROUTES: Record<string, RestRow> = {
  "api/auth/[...nextauth]": { notShopScoped: "Sign-in and sign-out (Auth.js): about the caller's own session." },
  "api/health": { notShopScoped: "The health check: database, queue and search status, no shop's data." },
  "api/metrics": { notShopScoped: "Process metrics for Prometheus, no shop's data." },
  "api/trpc/[trpc]": { notShopScoped: "Every procedure behind it is in the tRPC table above." },
  "api/seller/v1/[[...path]]": { notShopScoped: "Every operation behind it is in the REST table above." },
  "api/exports/catalog.csv": {
    attack: async () => {
      const onB = await download("catalog", `sellerId=${B.sellerId}`);
      expect(onB.status).toBe(404);
      expect(onB).toEqual(await download("catalog", `sellerId=${MISSING}`));
    },
  },
  "api/exports/import-errors.csv": {
    attack: async () => {
      const onB = await download("import-errors", `sellerId=${A.sellerId}&importJobId=${B.importJobId}`);
      expect(onB.status).toBe(404);
      expect(onB).toEqual(await download("import-errors", `sellerId=${A.sellerId}&importJobId=${MISSING}`));
      expect(await download("import-errors", `sellerId=${B.sellerId}&importJobId=${B.importJobId}`)).toEqual(await download("import-errors", `sellerId=${MISSING}&importJobId=${B.importJobId}`));
    },
  },
  "api/uploads/images": {
    attack: async () => {
      const onB = await upload("product", B.sellerId);
      expect(onB).toMatchObject({ status: 404, stored: 0 });
      expect(onB).toEqual(await upload("product", MISSING));
    },
  },
  "api/uploads/logo": {
    attack: async () => {
      const onB = await upload("logo", B.sellerId);
      expect(onB).toMatchObject({ status: 404, stored: 0 });
      expect(onB).toEqual(await upload("logo", MISSING));
    },
  },
  "files/[...key]": {
    // Pictures are public (the storefront shows them); anything else a shop stored, such as
    // its import files, is never served by this route.
    attack: async () => {
      expect(isPublicImageKey(B.importFileKey)).toBe(false);
      expect(isPublicImageKey(`products/${B.sellerId}/${MISSING}.png`)).toBe(true);
    },
  },
};

function routeFolders(root: string, dir = ""): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return routeFolders(root, path.posix.join(dir, entry.name));
    return entry.name === "route.ts" || entry.name === "route.tsx" ? [dir] : [];
  });
}

describe("every HTTP route of the seller portal", () => {
  const app = path.resolve(import.meta.dirname, "../../../../apps/seller/src/app");
  const routes = routeFolders(app).sort();

  it("has a row in the table (or is listed as not shop-scoped), and every row names a route that exists", () => {
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.filter((route) => !(route in ROUTES)), "routes without a row in ROUTES").toEqual([]);
    expect(Object.keys(ROUTES).filter((route) => !routes.includes(route)), "rows for routes that do not exist").toEqual([]);
  });

  it.each(Object.entries(ROUTES).filter((entry): entry is [string, { attack: () => Promise<void> }] => "attack" in entry[1]))(
    "%s refuses shop A's member B's data and changes none of it",
    async (_route, row) => {
      await row.attack();
      expect(await snapshotShop(B.sellerId)).toEqual(before);
    },
  );
});

// Last: B's own calls mark B's key as used, which the snapshots above would see.
describe("shop B itself", () => {
  it("still works for B itself (the refusals above are about ownership, not a broken fixture)", async () => {
    const response = await api(new Request(`${BASE}/orders/${B.partId}`, { headers: { Authorization: `Bearer ${B.key}` } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: B.partId, status: "new" });
    // randomUUID: a fresh id is missing for everyone, B included.
    const missing = await api(new Request(`${BASE}/orders/${randomUUID()}`, { headers: { Authorization: `Bearer ${B.key}` } }));
    expect(missing.status).toBe(404);
  });
});
