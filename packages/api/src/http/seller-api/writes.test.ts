// The Seller REST API's writes beyond stock and prices: product cards (create, change, publish,
// unpublish, archive) through the portal's listings services, and the order actions (confirm,
// pack, ship, deliver, cancel) through the portal's order services, over HTTP semantics.
import { randomUUID } from "node:crypto";
import { ApiScope, disconnectPrisma, getPrisma, WarehouseKind } from "@market/db";
import { migrateJobQueue } from "@market/db/job-queue";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { createPaidOrder } from "@market/domain/fulfilment/testing";
import { createListingCategory, createShopWithMember, dressInput, marketplaceWarehouse, uploadPicture } from "@market/domain/listings/testing";
import { buildOpenApiDocument } from "@market/domain/seller-api";
import { generateApiKey } from "@market/domain/sellers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSellerApiHandler } from "./handler.ts";

let database: FreshDatabase;
const BASE = "http://localhost/api/seller/v1";
const handle = createSellerApiHandler({ log: () => undefined, rateLimit: { limit: 10_000, windowSeconds: 60 } });

let sellerId: string;
let key: string;
let categoryId: string;
let warehouseCode: string;

async function keyFor(shop: string, scopes: ApiScope[]) {
  const generated = generateApiKey();
  await getPrisma().sellerApiKey.create({ data: { sellerId: shop, name: "script", prefix: generated.prefix, keyHash: generated.keyHash, scopes } });
  return generated.key;
}

async function call(method: string, path: string, { body, as = key, headers = {} }: { body?: unknown; as?: string; headers?: Record<string, string> } = {}) {
  const response = await handle(
    new Request(`${BASE}${path}`, {
      method,
      headers: { Authorization: `Bearer ${as}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

beforeAll(async () => {
  database = await createFreshDatabase({ label: "api_seller_api_writes" });
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
  ({ sellerId } = await createShopWithMember());
  key = await keyFor(sellerId, [ApiScope.READ, ApiScope.CATALOG_WRITE, ApiScope.ORDERS]);
  ({ categoryId } = await createListingCategory());
  ({ code: warehouseCode } = await marketplaceWarehouse());
});

afterAll(async () => {
  await disconnectPrisma();
  await database?.drop();
});

describe("products", () => {
  it("creates a draft card with sizes and SKUs, changes only the fields sent, publishes, unpublishes and archives it", async () => {
    const picture = await uploadPicture(sellerId);
    const input = dressInput(categoryId, warehouseCode, picture.storageKey);
    const created = await call("POST", "/products", { body: input });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      status: "draft",
      title: "Linen Summer Dress",
      brand: "Nordic Threads",
      variants: [
        { sku: input.variants[0]!.sku, size: "S", priceMinor: 349_000, compareAtMinor: 499_000, discountPercent: 30, stocks: [{ warehouseCode, onHand: 5 }] },
        { sku: input.variants[1]!.sku, size: "M", priceMinor: 329_000, stocks: [{ warehouseCode, onHand: 3 }] },
      ],
    });
    const id = created.body.id as string;
    // Stock moved since (an order, the stock API): a title change must not put the old number back.
    await getPrisma().stock.updateMany({ where: { variant: { sku: input.variants[0]!.sku } }, data: { onHand: 42 } });

    const patched = await call("PATCH", `/products/${id}`, { body: { title: "Linen Dress, Blue" } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ title: "Linen Dress, Blue", brand: "Nordic Threads", variants: [{ stocks: [{ onHand: 42 }] }, { stocks: [{ onHand: 3 }] }] });
    const stored = await getPrisma().product.findUniqueOrThrow({ where: { id }, select: { description: true, images: { select: { storageKey: true } }, characteristics: { select: { value: true } } } });
    expect(stored.description).toContain("<strong>linen</strong>");
    expect(stored.images).toEqual([{ storageKey: picture.storageKey }]);
    expect(stored.characteristics.map((c) => c.value).sort()).toEqual(["105", "Linen", "Yes"]);

    // A field-by-field refusal, as the portal's form shows it.
    const bad = await call("PATCH", `/products/${id}`, { body: { variants: [{ ...input.variants[0], priceMinor: 0 }] } });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: "validation_failed", details: { fields: { "variants.0.priceMinor": "The price must be greater than 0" } } });

    expect((await call("POST", `/products/${id}/publish`)).body).toMatchObject({ id, status: "active" });
    expect((await call("POST", `/products/${id}/unpublish`)).body).toMatchObject({ status: "inactive" });
    expect((await call("POST", `/products/${id}/archive`)).body).toMatchObject({ status: "archived" });
    const again = await call("POST", `/products/${id}/publish`);
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: "conflict", message: "This product is archived. Restore it first, then publish it." });
  });

  it("refuses to publish an incomplete card, naming what is missing", async () => {
    const created = await call("POST", "/products", { body: dressInput(categoryId, warehouseCode, null) });
    expect(created.status).toBe(201);
    const refused = await call("POST", `/products/${created.body.id}/publish`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.fields).toEqual({ images: "Add at least one image" });
  });

  it("refuses a SKU that exists in the marketplace, with the field", async () => {
    const first = dressInput(categoryId, warehouseCode, null);
    expect((await call("POST", "/products", { body: first })).status).toBe(201);
    const copy = await call("POST", "/products", { body: dressInput(categoryId, warehouseCode, null, { variants: [first.variants[0]!] }) });
    expect(copy.status).toBe(422);
    expect(Object.keys(copy.body.error.details.fields)).toEqual(["variants.0.sku"]);
  });

  it("needs the CATALOG_WRITE scope", async () => {
    const reader = await keyFor(sellerId, [ApiScope.READ, ApiScope.STOCK_PRICES_WRITE]);
    const refused = await call("POST", "/products", { body: dressInput(categoryId, warehouseCode, null), as: reader });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
  });
});

describe("order actions", () => {
  async function ownOrder() {
    const order = await createPaidOrder({ parts: [{ kind: WarehouseKind.SELLER }], deliveryMethod: "COURIER" });
    const part = order.parts[0]!;
    return { id: part.id, key: await keyFor(part.sellerId, [ApiScope.ORDERS]) };
  }

  it("confirms, packs, ships with a tracking number and delivers; the statuses follow", async () => {
    const part = await ownOrder();
    const confirmed = await call("POST", `/orders/${part.id}/confirm`, { as: part.key });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ id: part.id, status: "confirmed", deliveryStatus: "new" });
    expect((await call("POST", `/orders/${part.id}/pack`, { as: part.key })).body).toMatchObject({ status: "confirmed", deliveryStatus: "packed" });

    const noTracking = await call("POST", `/orders/${part.id}/ship`, { as: part.key, body: { trackingNumber: "x" } });
    expect(noTracking.status).toBe(422);
    expect(noTracking.body.error.details.fields).toEqual({ trackingNumber: "Enter the tracking number (at least 3 characters)" });
    const shipped = await call("POST", `/orders/${part.id}/ship`, { as: part.key, body: { trackingNumber: "RB123456789RU" } });
    expect(shipped.body).toMatchObject({ deliveryStatus: "shipped", trackingNumber: "RB123456789RU" });
    expect((await call("POST", `/orders/${part.id}/deliver`, { as: part.key })).body).toMatchObject({ status: "complete", deliveryStatus: "delivered" });

    const late = await call("POST", `/orders/${part.id}/pack`, { as: part.key });
    expect(late.status).toBe(409);
    expect(late.body.error).toEqual({ code: "conflict", message: "This parcel has already been delivered." });
  });

  it("refuses the shipping steps on a part the marketplace's warehouse ships", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    const partKey = await keyFor(part.sellerId, [ApiScope.ORDERS]);
    expect((await call("POST", `/orders/${part.id}/confirm`, { as: partKey })).body).toMatchObject({ status: "confirmed" });
    const refused = await call("POST", `/orders/${part.id}/pack`, { as: partKey });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe("This order ships from the marketplace's warehouse, which reports its progress itself.");
  });

  it("honours Idempotency-Key on an action without a body: the retry gets the first answer", async () => {
    const part = await ownOrder();
    const idempotencyKey = randomUUID();
    const first = await call("POST", `/orders/${part.id}/pack`, { as: part.key, headers: { "Idempotency-Key": idempotencyKey } });
    const retry = await call("POST", `/orders/${part.id}/pack`, { as: part.key, headers: { "Idempotency-Key": idempotencyKey } });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    // Without the key, the repeat is told where the parcel already is.
    expect((await call("POST", `/orders/${part.id}/pack`, { as: part.key })).status).toBe(409);
  });

  it("cancels a parcel with a reason, asks for its refund once, and refuses a shipped one", async () => {
    const order = await createPaidOrder({ parts: [{ lines: [{ quantity: 2, priceMinor: 120_000 }] }, {}] });
    const [part, other] = order.parts as [(typeof order.parts)[0], (typeof order.parts)[0]];
    const payment = await getPrisma().payment.create({
      data: { orderId: order.orderId, provider: "SANDBOX", providerPaymentId: `pi_test_${randomUUID().replaceAll("-", "")}`, idempotencyKey: `order:${order.orderId}`, amountMinor: 439_000, currency: "RUB", status: "SUCCEEDED" },
    });
    const partKey = await keyFor(part.sellerId, [ApiScope.ORDERS]);

    const noReason = await call("POST", `/orders/${part.id}/cancel`, { as: partKey, body: { reason: " " } });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.details.fields).toEqual({ reason: "Tell the shopper why you are cancelling" });
    const sneaky = await call("POST", `/orders/${part.id}/cancel`, { as: partKey, body: { reason: "Out of stock", amountMinor: 1 } });
    expect(sneaky.status).toBe(422);

    const idempotencyKey = randomUUID();
    const cancelled = await call("POST", `/orders/${part.id}/cancel`, { as: partKey, body: { reason: "Out of stock" }, headers: { "Idempotency-Key": idempotencyKey } });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({ id: part.id, status: "cancelled", deliveryStatus: "cancelled" });
    // Again, without the key: already cancelled, nothing more happens.
    expect((await call("POST", `/orders/${part.id}/cancel`, { as: partKey, body: { reason: "Out of stock" } })).body).toMatchObject({ status: "cancelled" });
    const refunds = await getPrisma().outboxEvent.findMany({ where: { type: "OrderPartRefundRequired", aggregateId: payment.id } });
    expect(refunds.map((event) => event.payload)).toEqual([{ orderPartId: part.id, paymentId: payment.id, orderId: order.orderId, amountMinor: 240_000, reason: "Out of stock" }]);
    expect(await getPrisma().order.findUniqueOrThrow({ where: { id: order.orderId }, select: { status: true } })).toEqual({ status: "PAID" });

    const own = await ownOrder();
    await call("POST", `/orders/${own.id}/pack`, { as: own.key });
    await call("POST", `/orders/${own.id}/ship`, { as: own.key, body: { trackingNumber: "RB123456789RU" } });
    const late = await call("POST", `/orders/${own.id}/cancel`, { as: own.key, body: { reason: "Changed my mind" } });
    expect(late.status).toBe(409);
    expect(late.body.error).toEqual({ code: "conflict", message: "This parcel has already been shipped, so it can no longer be cancelled." });
    expect((await call("POST", `/orders/${other.id}/cancel`, { as: partKey, body: { reason: "Out of stock" } })).status).toBe(404);
  });

  it("needs the ORDERS scope for actions (READ only reads)", async () => {
    const order = await createPaidOrder();
    const part = order.parts[0]!;
    const reader = await keyFor(part.sellerId, [ApiScope.READ]);
    expect((await call("GET", `/orders/${part.id}`, { as: reader })).status).toBe(200);
    expect((await call("POST", `/orders/${part.id}/confirm`, { as: reader })).status).toBe(403);
  });
});

describe("the OpenAPI document", () => {
  it("documents the new operations from their schemas", () => {
    const document = buildOpenApiDocument() as any;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/products/{id}/publish", "/products/{id}/unpublish", "/products/{id}/archive", "/orders/{id}/confirm", "/orders/{id}/pack", "/orders/{id}/ship", "/orders/{id}/deliver", "/orders/{id}/cancel"]),
    );
    expect(document.paths["/products"].post.requestBody.content["application/json"].schema).toMatchObject({ additionalProperties: false, required: expect.arrayContaining(["categoryId", "title", "variants"]) });
    expect(document.paths["/products/{id}"].patch["x-scopes"]).toEqual(["CATALOG_WRITE"]);
    expect(document.paths["/orders/{id}/ship"].post.requestBody.content["application/json"].schema).toMatchObject({ required: ["trackingNumber"], additionalProperties: false });
    expect(document.paths["/orders/{id}/cancel"].post.requestBody.content["application/json"].schema).toMatchObject({ required: ["reason"], additionalProperties: false });
    expect(document.paths["/orders/{id}/confirm"].post.parameters.map((p: { name: string }) => p.name)).toEqual(["id", "Idempotency-Key"]);
  });
});

describe("SELLER_API_RATE_LIMIT_PER_MINUTE", () => {
  it("sets the requests per minute per key of a handler built without an explicit limit", async () => {
    const previous = process.env.SELLER_API_RATE_LIMIT_PER_MINUTE;
    process.env.SELLER_API_RATE_LIMIT_PER_MINUTE = "2";
    try {
      const limited = createSellerApiHandler({ log: () => undefined });
      const reader = await keyFor(sellerId, [ApiScope.READ]);
      const get = () => limited(new Request(`${BASE}/products?limit=1`, { headers: { Authorization: `Bearer ${reader}` } }));
      const answers = [await get(), await get(), await get()];
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429]);
      expect(answers[0]!.headers.get("X-Ratelimit-Limit")).toBe("2");
      expect(Number(answers[2]!.headers.get("Retry-After"))).toBeGreaterThan(0);
    } finally {
      if (previous === undefined) delete process.env.SELLER_API_RATE_LIMIT_PER_MINUTE;
      else process.env.SELLER_API_RATE_LIMIT_PER_MINUTE = previous;
    }
  });
});
