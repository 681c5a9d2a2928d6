// The portal's listings procedures: sellers only, members of the shop only, another shop's
// product answers NOT_FOUND, and field errors reach the form under the input's own paths.
import { disconnectPrisma, getPrisma } from "@market/db";
import { migrateJobQueue } from "@market/db/job-queue";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { useTemporaryFileStore } from "@market/domain/files/testing";
import { createListingCategory, createShopWithMember, dressInput, marketplaceWarehouse, uploadPicture } from "@market/domain/listings/testing";
import { createUser } from "@market/domain/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../context.ts";
import { createCaller } from "../root.ts";
import { fieldErrors } from "../errors.ts";

useTemporaryFileStore("api-listings-files-");

let database: FreshDatabase;
beforeAll(async () => {
  database = await createFreshDatabase({ label: "api_listings" });
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
});
afterAll(async () => {
  await disconnectPrisma();
  await database?.drop();
});

const as = (id: string, role: SessionUser["role"] = "SELLER"): SessionUser => ({ id, email: `${id}@example.com`, name: "Someone", role });
const api = (user: SessionUser | null) => createCaller({ user, requestId: "req-listings", app: "seller", guestCartToken: null, pickupPointId: null, setCookie: () => undefined });

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error as TRPCError,
  );

async function setup() {
  const { categoryId } = await createListingCategory();
  const warehouse = await marketplaceWarehouse();
  const shop = await createShopWithMember();
  const picture = await uploadPicture(shop.sellerId);
  return { categoryId, warehouse, shop, seller: api(as(shop.userId)), listing: dressInput(categoryId, warehouse.code, picture.storageKey) };
}

describe("listings procedures", () => {
  it("ask signed-out callers to sign in and keep shoppers out", async () => {
    const shopper = api(as((await createUser()).id, "CUSTOMER"));
    const sellerId = crypto.randomUUID();
    await expect(api(null).listings.list({ sellerId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(shopper.listings.list({ sellerId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(shopper.listings.categories()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("create, read, publish and list a product of the member's shop", async () => {
    const { seller, shop, listing, categoryId } = await setup();
    const saved = await seller.listings.create({ sellerId: shop.sellerId, ...listing });
    expect(saved.status).toBe("DRAFT");
    const detail = await seller.listings.get({ sellerId: shop.sellerId, productId: saved.id });
    expect(detail).toMatchObject({ title: "Linen Summer Dress", categoryId, publishProblems: [] });
    expect(detail.images[0]!.url).toContain(detail.images[0]!.storageKey);
    await seller.listings.update({ sellerId: shop.sellerId, productId: saved.id, ...listing, title: "Linen Summer Dress II" });
    expect(await seller.listings.publish({ sellerId: shop.sellerId, productId: saved.id })).toMatchObject({ status: "ACTIVE" });
    expect((await seller.listings.list({ sellerId: shop.sellerId, status: "ACTIVE" })).items.map((item) => item.title)).toEqual(["Linen Summer Dress II"]);
    expect((await seller.listings.categoryForm({ categoryId })).characteristics).toHaveLength(4);
    expect((await seller.listings.warehouses({ sellerId: shop.sellerId })).map((w) => w.code)).toContain(listing.variants[0]!.stocks![0]!.warehouseCode);
  });

  it("refuse fields the seller does not own, naming them", async () => {
    const { seller, shop, listing } = await setup();
    const error = await rejection(seller.listings.create({ sellerId: shop.sellerId, ...listing, soldCount: 99, ratingSum: 5 } as never));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("These fields cannot be set on a product: soldCount, ratingSum");
  });

  it("report the domain's field errors under the form's paths", async () => {
    const { seller, shop, listing } = await setup();
    const error = await rejection(seller.listings.create({ sellerId: shop.sellerId, ...listing, characteristics: { material: "Tweed" } }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(fieldErrors(error.cause)).toEqual({ "characteristics.material": "Material must be one of: Cotton, Linen, Silk" });
  });

  it("answer NOT_FOUND for another seller's shop and product, on every procedure", async () => {
    const mine = await setup();
    const saved = await mine.seller.listings.create({ sellerId: mine.shop.sellerId, ...mine.listing });
    const other = await createShopWithMember();
    const stranger = api(as(other.userId));
    const cases: [string, () => Promise<unknown>][] = [
      ["list", () => stranger.listings.list({ sellerId: mine.shop.sellerId })],
      ["warehouses", () => stranger.listings.warehouses({ sellerId: mine.shop.sellerId })],
      ["get", () => stranger.listings.get({ sellerId: mine.shop.sellerId, productId: saved.id })],
      ["create", () => stranger.listings.create({ sellerId: mine.shop.sellerId, ...mine.listing })],
      ["update", () => stranger.listings.update({ sellerId: mine.shop.sellerId, productId: saved.id, ...mine.listing })],
      ["publish", () => stranger.listings.publish({ sellerId: mine.shop.sellerId, productId: saved.id })],
      ["unpublish", () => stranger.listings.unpublish({ sellerId: mine.shop.sellerId, productId: saved.id })],
      ["archive", () => stranger.listings.archive({ sellerId: mine.shop.sellerId, productId: saved.id })],
      // Their own shop id with my product: the product is simply not there.
      ["get (own shop)", () => stranger.listings.get({ sellerId: other.sellerId, productId: saved.id })],
      ["update (own shop)", () => stranger.listings.update({ sellerId: other.sellerId, productId: saved.id, ...mine.listing })],
      ["publish (own shop)", () => stranger.listings.publish({ sellerId: other.sellerId, productId: saved.id })],
      ["archive (own shop)", () => stranger.listings.archive({ sellerId: other.sellerId, productId: saved.id })],
    ];
    for (const [name, call] of cases) {
      const error = await rejection(call());
      expect([name, error.code]).toEqual([name, "NOT_FOUND"]);
    }
    const row = await getPrisma().product.findUniqueOrThrow({ where: { id: saved.id }, select: { status: true, title: true } });
    expect(row).toEqual({ status: "DRAFT", title: "Linen Summer Dress" });
  });
});
