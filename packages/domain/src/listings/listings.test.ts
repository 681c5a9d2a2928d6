// Listings: a seller creates, edits, publishes and archives product cards of their own shop only;
// input is checked field by field, the description is cleaned, and every committed change (and no
// refused one) queues the search sync in its own transaction.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getPrisma } from "@market/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLocalFileStore, setFileStoreForTesting } from "../files/index.ts";
import { SYNC_PRODUCTS_TASK } from "../search/index.ts";
import { createOrderLine, createProduct, createUser } from "../testing/shop-fixtures.ts";
import {
  archiveListing,
  createListing,
  descriptionText,
  descriptionToHtml,
  getCategoryForm,
  getListing,
  listCategoriesForListing,
  listListings,
  publishListing,
  sanitizeDescription,
  unpublishListing,
  updateListing,
  type ListingAccess,
  type ListingInput,
} from "./index.ts";
import { createListingCategory, createShopWithMember, dressInput, marketplaceWarehouse, uploadPicture } from "./testing/index.ts";

const prisma = () => getPrisma();

let filesDir: string;
let categoryId: string;
let parentCategoryId: string;
let warehouse: { id: string; code: string };
let shop: Awaited<ReturnType<typeof createShopWithMember>>;
let other: Awaited<ReturnType<typeof createShopWithMember>>;
let image: string;

beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), "listings-files-"));
  setFileStoreForTesting(createLocalFileStore(filesDir));
  ({ categoryId, parentId: parentCategoryId } = await createListingCategory());
  warehouse = await marketplaceWarehouse();
  shop = await createShopWithMember();
  other = await createShopWithMember();
  image = (await uploadPicture(shop.sellerId)).storageKey;
});

afterAll(async () => {
  setFileStoreForTesting(undefined);
  await rm(filesDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await prisma().$executeRaw`DELETE FROM graphile_worker._private_jobs`;
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error as { code?: string; message: string; details?: { fields?: Record<string, string> } },
  );

/** Product ids in the pending search sync job (one merged job collects every change). */
async function queuedSync(): Promise<string[]> {
  const rows = await prisma().$queryRaw<{ payload: string[] }[]>`
    SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     WHERE t.identifier = ${SYNC_PRODUCTS_TASK}`;
  return [...new Set(rows.flatMap((row) => row.payload))];
}

const input = (overrides: Partial<ListingInput> = {}) => dressInput(categoryId, warehouse.code, image, overrides);

describe("createListing", () => {
  it("creates a DRAFT card with variants, stock, characteristics and measured images, and queues the search sync", async () => {
    const data = input();
    const saved = await createListing(shop.access, data);

    expect(saved.status).toBe("DRAFT");
    expect(saved.slug).toMatch(/^linen-summer-dress-[0-9a-f]{8}$/);
    const row = await prisma().product.findUniqueOrThrow({
      where: { id: saved.id },
      include: { variants: { include: { stock: true }, orderBy: { position: "asc" } }, characteristics: { orderBy: { position: "asc" } }, images: true },
    });
    expect(row).toMatchObject({ sellerId: shop.sellerId, categoryId, title: "Linen Summer Dress", brand: "Nordic Threads", minPriceMinor: 329_000, ratingCount: 0, soldCount: 0, popularity: 0, publishedAt: null });
    expect(row.variants.map((v) => [v.sku, v.size, v.color, v.colorHex, v.priceMinor, v.compareAtMinor, v.isActive, v.stock.map((s) => [s.warehouseId, s.onHand, s.reserved])])).toEqual([
      [data.variants[0]!.sku, "S", "Blue", "#1e40af", 349_000, 499_000, true, [[warehouse.id, 5, 0]]],
      [data.variants[1]!.sku, "M", "Blue", "#1e40af", 329_000, null, true, [[warehouse.id, 3, 0]]],
    ]);
    expect(row.characteristics.map((c) => [c.name, c.value])).toEqual([
      ["Material", "Linen"],
      ["Length", "105"],
      ["Pockets", "Yes"],
    ]);
    expect(row.images).toEqual([expect.objectContaining({ storageKey: image, alt: "Front view", width: 400, height: 300, position: 0 })]);
    expect(await queuedSync()).toEqual([saved.id]);
  });

  it("refuses fields the seller does not own instead of applying them", async () => {
    for (const extra of [{ sellerId: other.sellerId }, { ratingSum: 50, ratingCount: 10 }, { soldCount: 1000 }, { minPriceMinor: 1 }, { status: "ACTIVE" }, { popularity: 9 }]) {
      const error = await failure(createListing(shop.access, { ...input(), ...extra } as ListingInput));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toContain("cannot be set on a product");
      expect(error.message).toContain(Object.keys(extra)[0]);
    }
    const variantExtra = input();
    (variantExtra.variants[0] as Record<string, unknown>).reserved = 0;
    expect((await failure(createListing(shop.access, variantExtra))).details?.fields).toHaveProperty("variants.0", expect.stringContaining("reserved"));
    expect(await prisma().product.count({ where: { sellerId: { in: [shop.sellerId, other.sellerId] }, soldCount: { gt: 0 } } })).toBe(0);
  });

  it("cleans the description: scripts, event handlers and javascript: links are removed", async () => {
    const saved = await createListing(
      shop.access,
      input({
        description:
          '<p onclick="steal()">Soft <b>linen</b><script>alert(1)</script></p><img src=x onerror="alert(2)"><a href="javascript:alert(3)">click</a> <a href="https://example.com/size" style="color:red">sizes</a><iframe src="https://evil.example"></iframe>',
      }),
    );
    const { description } = await prisma().product.findUniqueOrThrow({ where: { id: saved.id }, select: { description: true } });
    expect(description).toBe('<p>Soft <strong>linen</strong></p><a>click</a> <a href="https://example.com/size" rel="nofollow noopener noreferrer" target="_blank">sizes</a>');
    expect(description).not.toMatch(/script|onerror|onclick|javascript:|iframe|style=/i);
    expect(sanitizeDescription("<p><br></p>")).toBe("");
  });

  it("renders plain-text descriptions as paragraphs and stored HTML through the allow-list again", () => {
    expect(descriptionToHtml("Soft linen.\nMachine wash.\n\nWaist < 80 cm & sewn by hand")).toBe("<p>Soft linen.<br />Machine wash.</p><p>Waist &lt; 80 cm &amp; sewn by hand</p>");
    expect(descriptionToHtml('<p>Bold <strong>claim</strong></p><img src=x onerror="alert(1)">')).toBe("<p>Bold <strong>claim</strong></p>");
    expect(descriptionText("<p>Soft <strong>linen</strong></p><ul><li>Cotton</li></ul>")).toBe("Soft linen Cotton");
    expect(descriptionText("<p>Waist &lt; 80 cm &amp; more</p><script>x()</script>")).toBe("Waist < 80 cm & more");
  });

  it("reports SKU conflicts, bad prices, warehouses and characteristics on their fields, and saves nothing", async () => {
    const first = await createListing(shop.access, input());
    const taken = (await prisma().productVariant.findFirstOrThrow({ where: { productId: first.id }, select: { sku: true } })).sku;
    await prisma().$executeRaw`DELETE FROM graphile_worker._private_jobs`;
    const before = await prisma().product.count();

    const bad = input({ characteristics: { material: "Wool", length_cm: "long", pockets: "maybe", colour: "red" } });
    bad.variants[0]!.sku = taken;
    bad.variants[1]!.compareAtMinor = 329_000;
    bad.variants[1]!.stocks = [{ warehouseCode: "NOPE-1", quantity: 1 }];
    const error = await failure(createListing(shop.access, bad));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.details?.fields).toEqual({
      "variants.1.compareAtMinor": "The price before discount must be higher than the price",
    });

    bad.variants[1]!.compareAtMinor = null;
    const second = await failure(createListing(shop.access, bad));
    expect(second.details?.fields).toEqual({
      "characteristics.material": "Material must be one of: Cotton, Linen, Silk",
      "characteristics.length_cm": "Length must be a number",
      "characteristics.pockets": "Pockets: choose Yes or No",
      "characteristics.colour": 'Dresses has no characteristic "colour"',
      "variants.1.stocks.0.warehouseCode": 'Warehouse "NOPE-1" is not one you can keep stock in: use a marketplace warehouse or one of your own.',
      "variants.0.sku": `SKU "${taken}" is already used by another product. Choose a different SKU.`,
    });
    expect(await prisma().product.count()).toBe(before);
    expect(await queuedSync()).toEqual([]);
  });

  it("refuses duplicate SKUs and size × colour pairs within the card, a non-leaf category, and another shop's picture", async () => {
    const dup = input();
    dup.variants[1]!.sku = dup.variants[0]!.sku.toLowerCase();
    dup.variants[1]!.size = "S";
    expect((await failure(createListing(shop.access, dup))).details?.fields).toMatchObject({
      "variants.1.sku": expect.stringContaining("appears twice"),
      "variants.1.size": expect.stringContaining("Only one SKU per size and colour"),
    });

    expect((await failure(createListing(shop.access, input({ categoryId: parentCategoryId })))).details?.fields).toHaveProperty("categoryId");

    const theirs = (await uploadPicture(other.sellerId)).storageKey;
    const error = await failure(createListing(shop.access, input({ images: [{ storageKey: theirs, alt: "" }] })));
    expect(error.details?.fields).toEqual({ "images.0.storageKey": "This image was not found among your uploads. Upload it again." });
  });

  it("refuses sizes in a category without sizes", async () => {
    const { categoryId: gadgets } = await createListingCategory({ hasSizes: false });
    const error = await failure(createListing(shop.access, dressInput(gadgets, warehouse.code, image)));
    expect(error.details?.fields?.["variants.0.size"]).toBe("Products in Dresses have no sizes: leave the size empty");
  });

  it("is NOT_FOUND for a user who is not a member of the shop", async () => {
    const stranger = await createUser("Stranger");
    expect((await failure(createListing({ userId: stranger.id, sellerId: shop.sellerId }, input()))).code).toBe("NOT_FOUND");
    expect((await failure(createListing({ userId: other.userId, sellerId: shop.sellerId }, input()))).code).toBe("NOT_FOUND");
  });
});

describe("updateListing", () => {
  it("matches variants by SKU: adds new ones, deactivates missing ones, sets stock and recomputes the price", async () => {
    const data = input();
    const saved = await createListing(shop.access, data);
    const [small, medium] = data.variants;
    await prisma().$executeRaw`DELETE FROM graphile_worker._private_jobs`;

    await updateListing(shop.access, saved.id, {
      ...data,
      title: "Linen Summer Dress, long",
      variants: [
        { ...medium!, priceMinor: 359_000, stocks: [{ warehouseCode: warehouse.code, quantity: 9 }] },
        { size: "L", color: "Blue", sku: `${small!.sku}-L`, priceMinor: 369_000, stocks: [{ warehouseCode: warehouse.code, quantity: 2 }] },
      ],
    });

    const variants = await prisma().productVariant.findMany({ where: { productId: saved.id }, include: { stock: true }, orderBy: { sku: "asc" } });
    expect(variants.map((v) => [v.sku, v.size, v.priceMinor, v.isActive, v.stock[0]?.onHand])).toEqual([
      [medium!.sku, "M", 359_000, true, 9],
      [small!.sku, "S", 349_000, false, 5],
      [`${small!.sku}-L`, "L", 369_000, true, 2],
    ]);
    expect(await prisma().product.findUniqueOrThrow({ where: { id: saved.id }, select: { title: true, minPriceMinor: true } })).toEqual({ title: "Linen Summer Dress, long", minPriceMinor: 359_000 });
    expect(await queuedSync()).toEqual([saved.id]);

    // The retired SKU's size stays with it: a new SKU cannot take it over, the old SKU can return.
    const takeOver = await failure(updateListing(shop.access, saved.id, { ...data, variants: [{ ...small!, sku: `${small!.sku}-NEW` }] }));
    expect(takeOver.details?.fields?.["variants.0.sku"]).toContain(`belongs to SKU "${small!.sku}"`);
    await updateListing(shop.access, saved.id, { ...data, variants: [small!, medium!] });
    expect((await getListing(shop.access, saved.id)).variants.filter((v) => v.isActive).map((v) => v.sku)).toEqual([small!.sku, medium!.sku]);
  });

  it("saves a card made elsewhere (seeded pictures, stored values) exactly as the form reads it", async () => {
    const seeded = await createProduct({ sellerId: shop.sellerId, warehouseId: warehouse.id });
    const current = await getListing(shop.access, seeded.id);
    const roundTrip: ListingInput = {
      categoryId: current.categoryId,
      title: `${current.title} (edited)`,
      brand: current.brand,
      description: current.description,
      currency: current.currency,
      characteristics: current.characteristics,
      variants: current.variants.map(({ stocks, ...variant }) => ({ ...variant, stocks: stocks.map((s) => ({ warehouseCode: s.warehouseCode, quantity: s.onHand })) })),
      images: current.images.map((img) => ({ storageKey: img.storageKey, alt: img.alt })),
    };
    await updateListing(shop.access, seeded.id, roundTrip);
    const after = await getListing(shop.access, seeded.id);
    expect(after.title).toBe(`${current.title} (edited)`);
    expect(after.images.map((img) => img.storageKey)).toEqual(current.images.map((img) => img.storageKey));
    expect(after.variants).toEqual(current.variants);

    // A picture the card does not have yet must still be one of the shop's own uploads.
    const foreign = await failure(updateListing(shop.access, seeded.id, { ...roundTrip, images: [...roundTrip.images!, { storageKey: "products/other/1.svg", alt: "" }] }));
    expect(foreign.details?.fields).toEqual({ "images.2.storageKey": "This image was not found among your uploads. Upload it again." });
  });

  it("lets sizes move between kept SKUs", async () => {
    const data = input();
    const saved = await createListing(shop.access, data);
    const [a, b] = data.variants;
    await updateListing(shop.access, saved.id, { ...data, variants: [{ ...a!, size: "M" }, { ...b!, size: "S" }] });
    const rows = await prisma().productVariant.findMany({ where: { productId: saved.id }, select: { sku: true, size: true } });
    expect(Object.fromEntries(rows.map((r) => [r.sku, r.size]))).toEqual({ [a!.sku]: "M", [b!.sku]: "S" });
  });

  it("refuses stock below the units reserved for orders, and changes nothing", async () => {
    const data = input();
    const saved = await createListing(shop.access, data);
    const variant = await prisma().productVariant.findFirstOrThrow({ where: { productId: saved.id, sku: data.variants[0]!.sku } });
    await prisma().stock.update({ where: { variantId_warehouseId: { variantId: variant.id, warehouseId: warehouse.id } }, data: { reserved: 4 } });
    await prisma().$executeRaw`DELETE FROM graphile_worker._private_jobs`;

    const lowered = structuredClone(data);
    lowered.title = "Changed title";
    lowered.variants[0]!.stocks = [{ warehouseCode: warehouse.code, quantity: 3 }];
    const error = await failure(updateListing(shop.access, saved.id, lowered));
    expect(error.details?.fields).toEqual({
      "variants.0.stocks.0.quantity": `4 units of SKU "${data.variants[0]!.sku}" in warehouse "${warehouse.code}" are reserved for orders, so the stock cannot be below 4.`,
    });
    expect(await prisma().product.findUniqueOrThrow({ where: { id: saved.id }, select: { title: true } })).toEqual({ title: "Linen Summer Dress" });
    expect(await queuedSync()).toEqual([]);

    lowered.variants[0]!.stocks = [{ warehouseCode: warehouse.code, quantity: 4 }];
    await updateListing(shop.access, saved.id, lowered);
    expect(await prisma().stock.findUniqueOrThrow({ where: { variantId_warehouseId: { variantId: variant.id, warehouseId: warehouse.id } } })).toMatchObject({ onHand: 4, reserved: 4 });
  });

  it("keeps an ordered SKU in the database when it is removed from the card", async () => {
    const data = input();
    const saved = await createListing(shop.access, data);
    const variant = await prisma().productVariant.findFirstOrThrow({ where: { productId: saved.id, sku: data.variants[0]!.sku } });
    const shopper = await createUser();
    await createOrderLine({ userId: shopper.id, variantId: variant.id });
    await updateListing(shop.access, saved.id, { ...data, variants: [data.variants[1]!] });
    expect(await prisma().productVariant.findUniqueOrThrow({ where: { id: variant.id }, select: { isActive: true } })).toEqual({ isActive: false });
  });

  it("treats another shop's product exactly like a missing one", async () => {
    const theirs = await createListing(other.access, dressInput(categoryId, warehouse.code, null));
    const missing = "0190a0a0-0000-7000-8000-000000000000";
    for (const id of [theirs.id, missing, "not-a-uuid"]) {
      expect((await failure(getListing(shop.access, id))).code).toBe("NOT_FOUND");
      expect((await failure(updateListing(shop.access, id, input()))).code).toBe("NOT_FOUND");
      expect((await failure(publishListing(shop.access, id))).code).toBe("NOT_FOUND");
      expect((await failure(unpublishListing(shop.access, id))).code).toBe("NOT_FOUND");
      expect((await failure(archiveListing(shop.access, id))).code).toBe("NOT_FOUND");
      // The API's access (an already authorised seller id) follows the same rule.
      expect((await failure(updateListing({ sellerId: shop.sellerId }, id, input()))).code).toBe("NOT_FOUND");
    }
    expect((await getListing(other.access, theirs.id)).title).toBe("Linen Summer Dress");
    expect((await listListings(shop.access, { query: "" })).items.map((item) => item.id)).not.toContain(theirs.id);
  });
});

describe("publishing", () => {
  it("refuses a card without an image or a required characteristic, then publishes, unpublishes and archives", async () => {
    const access: ListingAccess = { sellerId: shop.sellerId };
    const data = input();
    const saved = await createListing(access, { ...data, images: [], characteristics: { length_cm: 100 } });
    await prisma().$executeRaw`DELETE FROM graphile_worker._private_jobs`;

    const refused = await failure(publishListing(access, saved.id));
    expect(refused.message).toBe("This product cannot be published yet: Add at least one image; Fill in Material: it is required in this category.");
    expect(refused.details?.fields).toEqual({ images: "Add at least one image", "characteristics.material": "Fill in Material: it is required in this category" });
    expect(await queuedSync()).toEqual([]);

    await updateListing(access, saved.id, { ...data, characteristics: { material: "silk" } });
    expect((await getListing(access, saved.id)).publishProblems).toEqual([]);
    const published = await publishListing(access, saved.id);
    expect(published).toMatchObject({ status: "ACTIVE", publishedAt: expect.any(Date) });
    expect(await queuedSync()).toEqual([saved.id]);

    // On sale, the card must stay publishable.
    const stripped = await failure(updateListing(access, saved.id, { ...data, images: [] }));
    expect(stripped.details?.fields?.images).toContain("unpublish it first");

    expect((await unpublishListing(access, saved.id)).status).toBe("INACTIVE");
    expect((await archiveListing(access, saved.id)).status).toBe("ARCHIVED");
    expect((await failure(publishListing(access, saved.id))).code).toBe("CONFLICT");
    expect((await listListings(access)).items.map((item) => item.id)).not.toContain(saved.id);
    expect((await listListings(access, { status: "ARCHIVED" })).items.map((item) => [item.id, item.status])).toEqual([[saved.id, "ARCHIVED"]]);

    // Restoring brings it back off sale; publishing again keeps the first publication date.
    expect((await unpublishListing(access, saved.id)).status).toBe("INACTIVE");
    expect((await publishListing(access, saved.id)).publishedAt).toEqual(published.publishedAt);
  });

  it("refuses a card whose SKUs are all switched off", async () => {
    const data = input();
    data.variants.forEach((variant) => (variant.isActive = false));
    const saved = await createListing(shop.access, data);
    expect((await failure(publishListing(shop.access, saved.id))).details?.fields).toEqual({ variants: "Add at least one active SKU with a price" });
  });
});

describe("listing and forms", () => {
  it("pages and searches the shop's products by title, brand and SKU", async () => {
    const fresh = await createShopWithMember();
    const names = ["Wool Coat", "Linen Shirt", "Silk Scarf"];
    const created = [];
    for (const title of names) created.push(await createListing(fresh.access, dressInput(categoryId, warehouse.code, null, { title })));
    const page1 = await listListings(fresh.access, { pageSize: 2 });
    expect(page1).toMatchObject({ total: 3, page: 1, pageCount: 2 });
    expect(page1.items.map((item) => item.title)).toEqual(["Silk Scarf", "Linen Shirt"]);
    expect((await listListings(fresh.access, { pageSize: 2, page: 2 })).items.map((item) => item.title)).toEqual(["Wool Coat"]);
    expect((await listListings(fresh.access, { query: "linen" })).items.map((item) => item.title)).toEqual(["Linen Shirt"]);
    const sku = (await getListing(fresh.access, created[2]!.id)).variants[0]!.sku;
    expect((await listListings(fresh.access, { query: sku.toLowerCase() })).items).toEqual([
      expect.objectContaining({ title: "Silk Scarf", status: "DRAFT", minPriceMinor: 329_000, variantCount: 2, available: 8, categoryName: "Dresses" }),
    ]);
    expect((await listListings(fresh.access, { status: "ACTIVE" })).total).toBe(0);
  });

  it("offers leaf categories with their characteristics", async () => {
    const categories = await listCategoriesForListing();
    expect(categories).toContainEqual({ id: categoryId, name: "Dresses", label: expect.stringMatching(/^Women › Dresses$/), hasSizes: true });
    expect(categories.map((c) => c.id)).not.toContain(parentCategoryId);
    const form = await getCategoryForm(categoryId);
    expect(form.characteristics.map((c) => [c.key, c.type, c.required])).toEqual([
      ["material", "ENUM", true],
      ["length_cm", "NUMBER", false],
      ["pockets", "BOOLEAN", false],
      ["care", "TEXT", false],
    ]);
    expect((await failure(getCategoryForm(parentCategoryId))).code).toBe("NOT_FOUND");
  });
});
