// The Seller REST API over HTTP semantics, on a real PostgreSQL: keys and scopes, the error shape,
// two shops that never see each other's data, whole-or-nothing batches, idempotency and rate limits.
import { randomUUID } from "node:crypto";
import { ApiScope, disconnectPrisma, getPrisma, WarehouseKind } from "@market/db";
import { migrateJobQueue } from "@market/db/job-queue";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { createPaidOrder, type TestOrder } from "@market/domain/fulfilment/testing";
import { SELLER_API_OPERATIONS } from "@market/domain/seller-api";
import { generateApiKey } from "@market/domain/sellers";
import { createProduct, createWarehouse } from "@market/domain/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSellerApiHandler } from "./handler.ts";

let database: FreshDatabase;
const BASE = "http://localhost/api/seller/v1";
const logs: { level: string; fields: Record<string, unknown> }[] = [];
const handle = createSellerApiHandler({ log: (level, fields) => void logs.push({ level, fields }), rateLimit: { limit: 10_000, windowSeconds: 60 } });

type Shop = { sellerId: string; key: string; part: TestOrder["parts"][number]; productId: string; sku: string; variantId: string; ownWarehouseCode: string };
let A: Shop;
let B: Shop;
let marketplaceCode: string;
let orderNumber: string;

async function keyFor(sellerId: string, scopes: ApiScope[], { revoked = false } = {}) {
  const { key, prefix, keyHash } = generateApiKey();
  await getPrisma().sellerApiKey.create({ data: { sellerId, name: "test", prefix, keyHash, scopes, revokedAt: revoked ? new Date() : null } });
  return key;
}

const ALL_SCOPES = [ApiScope.READ, ApiScope.STOCK_PRICES_WRITE, ApiScope.ORDERS, ApiScope.CATALOG_WRITE];

function call(method: string, path: string, { key, body, headers = {}, api = handle }: { key?: string | null; body?: unknown; headers?: Record<string, string>; api?: typeof handle } = {}) {
  const init: RequestInit = { method, headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["Content-Type"] ??= "application/json";
  }
  return api(new Request(`${BASE}${path}`, init));
}

async function json(response: Response) {
  return (await response.json()) as any;
}

const stockOf = async (variantId: string) =>
  (await getPrisma().stock.findMany({ where: { variantId }, select: { onHand: true, reserved: true, warehouse: { select: { code: true } } } })).map((s) => ({ code: s.warehouse.code, onHand: s.onHand, reserved: s.reserved }));

async function shopOf(part: TestOrder["parts"][number]): Promise<Shop> {
  const prisma = getPrisma();
  const line = part.lines[0]!;
  const variant = await prisma.productVariant.findUniqueOrThrow({ where: { id: line.variantId }, select: { productId: true } });
  const own = await prisma.warehouse.create({ data: { code: `OWN-${randomUUID().slice(0, 8)}`, name: "Own", kind: WarehouseKind.SELLER, sellerId: part.sellerId, city: "Kazan", address: "Kazan, 1" } });
  return { sellerId: part.sellerId, key: await keyFor(part.sellerId, ALL_SCOPES), part, productId: variant.productId, sku: line.sku, variantId: line.variantId, ownWarehouseCode: own.code };
}

beforeAll(async () => {
  database = await createFreshDatabase({ label: "api_seller_api" });
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
  // Shop A ships its part from its own warehouse; shop B's part goes through the marketplace's.
  const order = await createPaidOrder({ parts: [{ kind: WarehouseKind.SELLER, lines: [{ quantity: 2 }] }, { kind: WarehouseKind.MARKETPLACE }], deliveryMethod: "COURIER" });
  orderNumber = order.number;
  A = await shopOf(order.parts[0]!);
  B = await shopOf(order.parts[1]!);
  // Paying consumed the order's reservation; two units held by another, unpaid order:
  const ownWarehouse = await getPrisma().warehouse.findUniqueOrThrow({ where: { code: A.part.warehouseCode } });
  await getPrisma().stock.update({ where: { variantId_warehouseId: { variantId: A.variantId, warehouseId: ownWarehouse.id } }, data: { reserved: 2 } });
  marketplaceCode = (await getPrisma().warehouse.findUniqueOrThrow({ where: { id: (await createWarehouse("Tula")).id } })).code;
});

afterAll(async () => {
  await disconnectPrisma();
  await database?.drop();
});

beforeEach(() => {
  logs.length = 0;
});

describe("authentication and scopes", () => {
  it.each([
    ["no Authorization header", null],
    ["a malformed key", "not-a-key"],
    ["an unknown key", generateApiKey().key],
  ])("answers 401 JSON for %s", async (_name, key) => {
    const response = await call("GET", "/products", { key });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = await json(response);
    expect(body).toEqual({ error: { code: "unauthorized", message: expect.stringMatching(/API key/) } });
  });

  it("answers 401 for a revoked key", async () => {
    const key = await keyFor(A.sellerId, ALL_SCOPES, { revoked: true });
    expect((await call("GET", "/products", { key })).status).toBe(401);
  });

  it.each([
    { scopes: [ApiScope.STOCK_PRICES_WRITE], method: "GET", path: "/products" },
    { scopes: [ApiScope.ORDERS], method: "GET", path: "/products" },
    { scopes: [ApiScope.READ], method: "POST", path: "/stocks", body: { stocks: [] } },
    { scopes: [ApiScope.READ, ApiScope.ORDERS], method: "POST", path: "/prices", body: { prices: [] } },
    { scopes: [ApiScope.CATALOG_WRITE], method: "GET", path: "/orders" },
    { scopes: [ApiScope.STOCK_PRICES_WRITE], method: "GET", path: "/orders" },
  ])("answers 403 for $method $path with only $scopes", async ({ scopes, method, path, body }) => {
    const key = await keyFor(A.sellerId, scopes);
    const response = await call(method, path, { key, body });
    expect(response.status).toBe(403);
    expect((await json(response)).error.code).toBe("forbidden");
    expect(response.headers.get("x-ratelimit-remaining")).not.toBeNull();
  });

  it("lets an ORDERS-only key read orders", async () => {
    const key = await keyFor(A.sellerId, [ApiScope.ORDERS]);
    expect((await call("GET", "/orders", { key })).status).toBe(200);
  });
});

describe("errors", () => {
  it.each([
    ["an unknown path", "GET", "/nowhere", undefined, 404, "not_found"],
    ["a wrong method", "DELETE", "/products", undefined, 405, "method_not_allowed"],
    ["a body that is not JSON", "POST", "/stocks", "{not json", 400, "invalid_json"],
    ["a body of another type", "POST", "/stocks", "stocks=1", 415, "unsupported_media_type"],
  ] as const)("answers %s with the JSON error shape", async (_name, method, path, body, status, code) => {
    const headers: Record<string, string> = typeof body === "string" && body.startsWith("stocks") ? { "Content-Type": "application/x-www-form-urlencoded" } : {};
    const response = await call(method, path, { key: A.key, body, headers });
    expect(response.status).toBe(status);
    const answer = await json(response);
    expect(answer.error.code).toBe(code);
    expect(typeof answer.error.message).toBe("string");
    expect(JSON.stringify(answer)).not.toMatch(/at .*\.ts|prisma|SELECT/i);
  });

  it("names the allowed methods on 405", async () => {
    expect((await call("DELETE", "/products", { key: A.key })).headers.get("allow")).toBe("GET, POST");
    expect((await call("PUT", "/products/" + A.productId, { key: A.key })).headers.get("allow")).toBe("GET, PATCH");
  });

  it("refuses a body over the size limit with 413", async () => {
    const small = createSellerApiHandler({ maxBodyBytes: 100, log: () => undefined });
    const response = await call("POST", "/stocks", { key: A.key, body: { stocks: Array.from({ length: 10 }, () => ({ sku: A.sku, warehouseCode: marketplaceCode, quantity: 1 })) }, api: small });
    expect(response.status).toBe(413);
    expect((await json(response)).error.code).toBe("payload_too_large");
  });
});

describe("two shops never see each other's data", () => {
  // Each row: what shop A tries on shop B's resource, and what A must get (the same as for a
  // resource that does not exist), with B's data unchanged afterwards.
  const cases: { name: string; request: () => Promise<Response>; status: number; field?: string }[] = [
    { name: "GET another shop's product", request: () => call("GET", `/products/${B.productId}`, { key: A.key }), status: 404 },
    { name: "GET another shop's order", request: () => call("GET", `/orders/${B.part.id}`, { key: A.key }), status: 404 },
    { name: "set stock of another shop's SKU", request: () => call("POST", "/stocks", { key: A.key, body: { stocks: [{ sku: B.sku, warehouseCode: marketplaceCode, quantity: 5 }] } }), status: 422, field: "stocks.0.sku" },
    { name: "set stock in another shop's own warehouse", request: () => call("POST", "/stocks", { key: A.key, body: { stocks: [{ sku: A.sku, warehouseCode: B.ownWarehouseCode, quantity: 5 }] } }), status: 422, field: "stocks.0.warehouseCode" },
    { name: "set the price of another shop's SKU", request: () => call("POST", "/prices", { key: A.key, body: { prices: [{ sku: B.sku, priceMinor: 100 }] } }), status: 422, field: "prices.0.sku" },
  ];

  it.each(cases)("$name: $status", async ({ request, status, field }) => {
    const beforeStock = await stockOf(B.variantId);
    const beforePrice = await getPrisma().productVariant.findUniqueOrThrow({ where: { id: B.variantId }, select: { priceMinor: true } });
    const response = await request();
    expect(response.status).toBe(status);
    const body = await json(response);
    if (field) expect(Object.keys(body.error.details.fields)).toEqual([field]);
    expect(JSON.stringify(body)).not.toContain(B.sellerId);
    expect(await stockOf(B.variantId)).toEqual(beforeStock);
    expect(await getPrisma().productVariant.findUniqueOrThrow({ where: { id: B.variantId }, select: { priceMinor: true } })).toEqual(beforePrice);
  });

  it("answers another shop's product exactly like a missing one", async () => {
    const theirs = await call("GET", `/products/${B.productId}`, { key: A.key });
    const missing = await call("GET", `/products/${randomUUID()}`, { key: A.key });
    const malformed = await call("GET", "/products/not-a-uuid", { key: A.key });
    const expected = await json(missing);
    expect(await json(theirs)).toEqual(expected);
    expect(malformed.status).toBe(404);
    const sku = await call("POST", "/stocks", { key: A.key, body: { stocks: [{ sku: B.sku, warehouseCode: marketplaceCode, quantity: 1 }, { sku: "NO-SUCH-SKU", warehouseCode: marketplaceCode, quantity: 1 }] } });
    const fields = (await json(sku)).error.details.fields;
    expect(fields["stocks.0.sku"]).toBe(`SKU "${B.sku}" is not in your catalogue.`);
    expect(fields["stocks.1.sku"]).toBe(`SKU "NO-SUCH-SKU" is not in your catalogue.`);
  });

  it("lists only the key's shop's products and orders", async () => {
    const products = await json(await call("GET", "/products", { key: A.key }));
    expect(products.items.map((p: { id: string }) => p.id)).toEqual([A.productId]);
    const orders = await json(await call("GET", "/orders", { key: A.key }));
    expect(orders.items.map((o: { id: string }) => o.id)).toEqual([A.part.id]);
    const theirs = await json(await call("GET", "/orders", { key: B.key }));
    expect(theirs.items.map((o: { id: string }) => o.id)).toEqual([B.part.id]);
  });
});

describe("GET /products", () => {
  it("pages with a cursor and shows variants with prices and stock per warehouse", async () => {
    const prisma = getPrisma();
    const seller = await prisma.seller.create({ data: { slug: `pager-${randomUUID()}`, name: "Pager", status: "ACTIVE" } });
    const key = await keyFor(seller.id, [ApiScope.READ]);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await createProduct({ sellerId: seller.id })).id);
    const first = await json(await call("GET", "/products?limit=2", { key }));
    expect(first.items.map((p: { id: string }) => p.id)).toEqual(ids.slice(0, 2));
    const second = await json(await call("GET", `/products?limit=2&cursor=${first.nextCursor}`, { key }));
    expect(second.items.map((p: { id: string }) => p.id)).toEqual(ids.slice(2));
    expect(second.nextCursor).toBeNull();
    // The card as the portal edits it: description, characteristics by key, pictures in order.
    expect(first.items[0]).toMatchObject({
      description: "A dress for tests.",
      characteristics: { material: "Cotton" },
      images: [
        { storageKey: expect.stringMatching(/\/1\.svg$/), url: expect.stringMatching(/^\/files\/.+\/1\.svg$/), alt: "" },
        { storageKey: expect.stringMatching(/\/2\.svg$/), alt: "Side view" },
      ],
    });
    const variant = first.items[0].variants[0];
    expect(variant).toEqual({
      sku: expect.any(String),
      barcode: null,
      size: "S",
      color: "Black",
      colorHex: null,
      priceMinor: 249_000,
      compareAtMinor: 399_000,
      discountPercent: 38,
      currency: "RUB",
      isActive: true,
      stocks: [{ warehouseCode: expect.any(String), warehouseKind: "marketplace", onHand: 5, reserved: 1, available: 4 }],
    });
    const tooMany = await call("GET", "/products?limit=101", { key });
    expect(tooMany.status).toBe(422);
    expect((await json(tooMany)).error.details.fields).toHaveProperty("query.limit");
  });

  it("does not show what the shop does not own (ratings, sold count, seller id)", async () => {
    const product = await json(await call("GET", `/products/${A.productId}`, { key: A.key }));
    expect(product.id).toBe(A.productId);
    for (const field of ["sellerId", "ratingSum", "soldCount"]) expect(product).not.toHaveProperty(field);
  });
});

describe("GET /orders", () => {
  it("shows the recipient for a part the shop ships itself, never the shopper's email", async () => {
    const response = await call("GET", `/orders/${A.part.id}`, { key: A.key });
    expect(response.status).toBe(200);
    const order = await json(response);
    expect(order).toMatchObject({
      id: A.part.id,
      orderNumber,
      status: "new",
      deliveryStatus: "new",
      deliveryMethod: "courier",
      warehouse: { kind: "seller" },
      itemCount: 2,
      lines: [{ sku: A.sku, quantity: 2 }],
      shipping: { recipient: { name: "Anna Petrova", phone: "+79001234567" }, address: { city: "Moscow" } },
    });
    expect(JSON.stringify(order)).not.toContain("anna@example.com");
  });

  it("hides the recipient of a part the marketplace ships", async () => {
    const order = await json(await call("GET", `/orders/${B.part.id}`, { key: B.key }));
    expect(order.warehouse.kind).toBe("marketplace");
    expect(order.shipping).toBeNull();
    expect(JSON.stringify(order)).not.toMatch(/\+7900|anna@/);
  });

  it("filters by the shop's status and the delivery status", async () => {
    const ids = async (query: string) => (await json(await call("GET", `/orders?${query}`, { key: A.key }))).items.map((o: { id: string }) => o.id);
    expect(await ids("status=new")).toEqual([A.part.id]);
    expect(await ids("status=confirmed")).toEqual([]);
    expect(await ids("deliveryStatus=new")).toEqual([A.part.id]);
    expect(await ids("deliveryStatus=shipped")).toEqual([]);
    expect((await call("GET", "/orders?status=bogus", { key: A.key })).status).toBe(422);
  });
});

describe("POST /stocks", () => {
  it("applies a batch of 1,000 items in one transaction and queues the search sync", async () => {
    const prisma = getPrisma();
    const seller = await prisma.seller.create({ data: { slug: `bulk-${randomUUID()}`, name: "Bulk", status: "ACTIVE" } });
    const key = await keyFor(seller.id, [ApiScope.STOCK_PRICES_WRITE]);
    const product = await createProduct({ sellerId: seller.id });
    const prefix = randomUUID().slice(0, 8);
    await prisma.productVariant.createMany({ data: Array.from({ length: 496 }, (_, i) => ({ productId: product.id, sku: `${prefix}-${i}`, size: `X${i}`, color: "Red", priceMinor: 1000, position: 10 + i })) });
    const skus = (await prisma.productVariant.findMany({ where: { productId: product.id }, select: { sku: true }, orderBy: { sku: "asc" } })).map((v) => v.sku);
    expect(skus).toHaveLength(500);
    const warehouses = [marketplaceCode, (await prisma.warehouse.create({ data: { code: `OWN-${prefix}`, name: "Own", kind: WarehouseKind.SELLER, sellerId: seller.id, city: "Omsk", address: "Omsk" } })).code];
    const stocks = skus.flatMap((sku, i) => warehouses.map((warehouseCode) => ({ sku, warehouseCode, quantity: 10 + (i % 7) })));
    expect(stocks).toHaveLength(1000);
    await prisma.$executeRaw`DELETE FROM graphile_worker._private_jobs`;

    const started = Date.now();
    const response = await call("POST", "/stocks", { key, body: { stocks } });
    const ms = Date.now() - started;
    expect(response.status).toBe(200);
    const result = await json(response);
    expect(result.updated).toBe(1000);
    const rows = await prisma.stock.findMany({ where: { variant: { productId: product.id }, warehouse: { code: { in: warehouses } } } });
    expect(rows).toHaveLength(1000);
    expect(rows.every((row) => row.onHand >= 10 && row.onHand <= 16)).toBe(true);
    const jobs = await prisma.$queryRaw<{ payload: string[] }[]>`
      SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'search.sync-products'`;
    expect(jobs.flatMap((job) => job.payload)).toContain(product.id);
    expect(ms).toBeLessThan(5_000);
  });

  it("refuses 1,001 items", async () => {
    const stocks = Array.from({ length: 1001 }, () => ({ sku: A.sku, warehouseCode: marketplaceCode, quantity: 1 }));
    const response = await call("POST", "/stocks", { key: A.key, body: { stocks } });
    expect(response.status).toBe(422);
    expect((await json(response)).error.details.fields.stocks).toMatch(/at most 1000/);
  });

  it.each([
    { name: "a negative quantity", item: { quantity: -1 }, field: "quantity" },
    { name: "a fractional quantity", item: { quantity: 1.5 }, field: "quantity" },
    { name: "a quantity below what is reserved", item: { quantity: 1, warehouse: "part" }, field: "quantity" },
    { name: "an unknown SKU", item: { sku: "NOPE-1" }, field: "sku" },
    { name: "an unknown warehouse", item: { warehouseCode: "NOWHERE" }, field: "warehouseCode" },
    { name: "a field the API does not know", item: { sellerId: "x" }, field: "" },
  ])("refuses the whole batch for one item with $name, changing nothing", async ({ item, field }) => {
    const good = { sku: A.sku, warehouseCode: marketplaceCode, quantity: 3 };
    const { warehouse, ...rest } = item as Record<string, unknown>;
    const bad = { ...good, ...(warehouse === "part" ? { warehouseCode: A.part.warehouseCode } : {}), ...rest };
    const before = await stockOf(A.variantId);
    const response = await call("POST", "/stocks", { key: A.key, body: { stocks: [good, bad] } });
    expect(response.status).toBe(422);
    const body = await json(response);
    expect(body.error.code).toBe("validation_failed");
    expect(Object.keys(body.error.details.fields)).toEqual([field ? `stocks.1.${field}` : "stocks.1"]);
    expect(await stockOf(A.variantId)).toEqual(before);
  });

  it("names the reserved units when the quantity is below them", async () => {
    const response = await call("POST", "/stocks", { key: A.key, body: { stocks: [{ sku: A.sku, warehouseCode: A.part.warehouseCode, quantity: 1 }] } });
    expect((await json(response)).error.details.fields["stocks.0.quantity"]).toMatch(/2 units .* reserved .* cannot be below 2/);
    const ok = await call("POST", "/stocks", { key: A.key, body: { stocks: [{ sku: A.sku, warehouseCode: A.part.warehouseCode, quantity: 2 }] } });
    expect(ok.status).toBe(200);
    expect((await json(ok)).stocks).toEqual([{ sku: A.sku, warehouseCode: A.part.warehouseCode, onHand: 2, reserved: 2, available: 0 }]);
  });

  it("refuses the same SKU and warehouse twice in one batch", async () => {
    const item = { sku: A.sku, warehouseCode: marketplaceCode, quantity: 1 };
    const response = await call("POST", "/stocks", { key: A.key, body: { stocks: [item, { ...item, quantity: 2 }] } });
    expect(response.status).toBe(422);
    expect(Object.keys((await json(response)).error.details.fields)).toEqual(["stocks.1.sku"]);
  });
});

describe("POST /prices", () => {
  it("sets prices and discounts and updates the product's cheapest price", async () => {
    const prisma = getPrisma();
    const response = await call("POST", "/prices", { key: A.key, body: { prices: [{ sku: A.sku, priceMinor: 150_000, compareAtMinor: 200_000 }] } });
    expect(response.status).toBe(200);
    expect((await json(response)).prices).toEqual([{ sku: A.sku, priceMinor: 150_000, compareAtMinor: 200_000, currency: "RUB" }]);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: A.productId } })).minPriceMinor).toBe(150_000);
    // Omitted compareAtMinor keeps the discount; a price at or above it is then refused.
    const kept = await call("POST", "/prices", { key: A.key, body: { prices: [{ sku: A.sku, priceMinor: 140_000 }] } });
    expect((await json(kept)).prices[0].compareAtMinor).toBe(200_000);
    const above = await call("POST", "/prices", { key: A.key, body: { prices: [{ sku: A.sku, priceMinor: 250_000 }] } });
    expect(above.status).toBe(422);
    expect(Object.keys((await json(above)).error.details.fields)).toEqual(["prices.0.compareAtMinor"]);
    const removed = await call("POST", "/prices", { key: A.key, body: { prices: [{ sku: A.sku, priceMinor: 250_000, compareAtMinor: null }] } });
    expect((await json(removed)).prices[0]).toMatchObject({ priceMinor: 250_000, compareAtMinor: null });
  });

  it.each([
    { name: "a zero price", item: { priceMinor: 0 }, field: "priceMinor" },
    { name: "a fractional price", item: { priceMinor: 10.5 }, field: "priceMinor" },
    { name: "a crossed-out price below the price", item: { priceMinor: 500, compareAtMinor: 400 }, field: "compareAtMinor" },
    { name: "an attempt to set the sold count", item: { soldCount: 1000 }, field: "" },
    { name: "an attempt to set the rating", item: { ratingSum: 50 }, field: "" },
  ])("refuses $name, changing nothing", async ({ item, field }) => {
    const before = await getPrisma().productVariant.findUniqueOrThrow({ where: { id: A.variantId }, select: { priceMinor: true, compareAtMinor: true } });
    const response = await call("POST", "/prices", { key: A.key, body: { prices: [{ sku: A.sku, priceMinor: 300_000 }, { sku: A.sku, priceMinor: 300_000, ...item }] } });
    expect(response.status).toBe(422);
    expect(Object.keys((await json(response)).error.details.fields)).toContain(field ? `prices.1.${field}` : "prices.1");
    expect(await getPrisma().productVariant.findUniqueOrThrow({ where: { id: A.variantId }, select: { priceMinor: true, compareAtMinor: true } })).toEqual(before);
  });

  it("refuses a sellerId next to the batch", async () => {
    const response = await call("POST", "/prices", { key: A.key, body: { sellerId: B.sellerId, prices: [{ sku: B.sku, priceMinor: 100 }] } });
    expect(response.status).toBe(422);
    expect((await json(response)).error.details.fields.body).toMatch(/sellerId/);
  });
});

describe("Idempotency-Key", () => {
  const stockBody = (quantity: number) => ({ stocks: [{ sku: A.sku, warehouseCode: marketplaceCode, quantity }] });

  it("replays the first answer for the same key and body, and refuses the key with another body", async () => {
    const key = randomUUID();
    const first = await call("POST", "/stocks", { key: A.key, body: stockBody(7), headers: { "Idempotency-Key": key } });
    expect(first.status).toBe(200);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const firstBody = await json(first);
    // Changed in between: a replay must not apply the request again.
    await call("POST", "/stocks", { key: A.key, body: stockBody(9) });
    const again = await call("POST", "/stocks", { key: A.key, body: stockBody(7), headers: { "Idempotency-Key": key } });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await json(again)).toEqual(firstBody);
    expect((await stockOf(A.variantId)).find((s) => s.code === marketplaceCode)?.onHand).toBe(9);

    const reused = await call("POST", "/stocks", { key: A.key, body: stockBody(8), headers: { "Idempotency-Key": key } });
    expect(reused.status).toBe(422);
    expect((await json(reused)).error.code).toBe("idempotency_key_reused");
  });

  it("replays a refusal too (the same request is refused the same way)", async () => {
    const key = randomUUID();
    const body = { stocks: [{ sku: "NOPE", warehouseCode: marketplaceCode, quantity: 1 }] };
    const first = await call("POST", "/stocks", { key: A.key, body, headers: { "Idempotency-Key": key } });
    const again = await call("POST", "/stocks", { key: A.key, body, headers: { "Idempotency-Key": key } });
    expect([first.status, again.status]).toEqual([422, 422]);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await json(again)).toEqual(await json(first));
  });

  it("keeps keys per shop: another shop may use the same key", async () => {
    const key = randomUUID();
    expect((await call("POST", "/stocks", { key: A.key, body: stockBody(4), headers: { "Idempotency-Key": key } })).status).toBe(200);
    const theirs = await call("POST", "/stocks", { key: B.key, body: { stocks: [{ sku: B.sku, warehouseCode: marketplaceCode, quantity: 4 }] }, headers: { "Idempotency-Key": key } });
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
  });

  it("runs concurrent requests with one key once: the others replay or are told it is in progress", async () => {
    const key = randomUUID();
    const quick = createSellerApiHandler({ idempotencyWaitMs: 0, log: () => undefined });
    const requests = [handle, handle, quick, quick].map((api) => call("POST", "/stocks", { key: A.key, body: stockBody(11), headers: { "Idempotency-Key": key }, api }));
    const responses = await Promise.all(requests);
    const outcomes = await Promise.all(responses.map(async (r) => `${r.status}${r.headers.get("idempotent-replayed") ? " replayed" : ""}${r.status === 409 ? ` ${(await json(r)).error.code}` : ""}`));
    expect(outcomes.filter((o) => o === "200")).toHaveLength(1);
    for (const outcome of outcomes) expect(["200", "200 replayed", "409 request_in_progress"]).toContain(outcome);
    expect(await getPrisma().idempotencyRecord.count({ where: { key } })).toBe(1);
  });
});

describe("rate limits", () => {
  it("counts per key, says what remains, and answers 429 with Retry-After when over", async () => {
    const limited = createSellerApiHandler({ rateLimit: { limit: 3, windowSeconds: 60 }, log: () => undefined });
    const key = await keyFor(A.sellerId, [ApiScope.READ]);
    const remaining = [];
    for (let i = 0; i < 3; i++) {
      const response = await call("GET", "/products", { key, api: limited });
      expect(response.status).toBe(200);
      remaining.push(response.headers.get("x-ratelimit-remaining"));
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const over = await call("GET", "/products", { key, api: limited });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(over.headers.get("x-ratelimit-remaining")).toBe("0");
    expect((await json(over)).error.code).toBe("rate_limited");
    // Another key of the same shop has its own budget.
    const other = await keyFor(A.sellerId, [ApiScope.READ]);
    expect((await call("GET", "/products", { key: other, api: limited })).status).toBe(200);
  });
});

describe("GET /openapi.json", () => {
  it("serves an OpenAPI 3.1 document of every operation without a key", async () => {
    const response = await call("GET", "/openapi.json");
    expect(response.status).toBe(200);
    const document = await json(response);
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components.schemas.Error).toBeDefined();
    for (const operation of SELLER_API_OPERATIONS) {
      const documented = document.paths[operation.path]?.[operation.method.toLowerCase()];
      expect(documented, `${operation.method} ${operation.path}`).toBeDefined();
      expect(documented.operationId).toBe(operation.operationId);
      if (operation.scopes) {
        expect(documented["x-scopes"]).toEqual([...operation.scopes]);
        expect(documented.security).toEqual([{ bearerAuth: [] }]);
        expect(documented.responses["401"]).toBeDefined();
        expect(documented.responses["429"].headers["Retry-After"]).toBeDefined();
      }
    }
    const stocks = document.paths["/stocks"].post;
    expect(stocks.requestBody.content["application/json"].schema.properties.stocks.maxItems).toBe(1000);
    expect(stocks.requestBody.content["application/json"].schema.additionalProperties).toBe(false);
    expect(stocks.parameters.map((p: { name: string }) => p.name)).toContain("Idempotency-Key");
    expect(document.paths["/products"].get.parameters.map((p: { name: string }) => p.name)).toEqual(["cursor", "limit"]);
  });
});
