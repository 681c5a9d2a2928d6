// Shop settings: the owner changes name, legal details, contacts and logo under onboarding's
// rules; another shop is invisible, staff cannot edit, and marketplace-owned fields stay put.
import { randomUUID } from "node:crypto";
import { getPrisma } from "@market/db";
import { describe, expect, it } from "vitest";
import { createLocalFileStore, storeProductImage, storeShopLogo } from "../files/index.ts";
import { pngImage, useTemporaryFileStore } from "../files/testing/index.ts";
import { createProduct, createUser } from "../testing/shop-fixtures.ts";
import { createShop, INN_MESSAGE } from "./create-shop.ts";
import { getShopSettings, updateShop, type UpdateShopInput } from "./update-shop.ts";

const prisma = () => getPrisma();
const directory = useTemporaryFileStore("shop-settings-");

async function ownerWithShop(name = "Birch Studio") {
  const user = await createUser("Owner");
  await prisma().user.update({ where: { id: user.id }, data: { role: "SELLER" } });
  const shop = await createShop(user.id, { name, legalName: "ООО «Берёза»", taxId: "7707083893", contactEmail: "owner@example.com", contactPhone: "+7 495 111-22-33" });
  return { user, shop };
}

const settings = (sellerId: string, overrides: Partial<UpdateShopInput> = {}): UpdateShopInput => ({
  sellerId,
  name: "Birch & Pine",
  legalName: "ИП Иванов И. И.",
  taxId: "500100732259",
  contactEmail: " Sales@Example.com ",
  contactPhone: "+7 (812) 555-44-33",
  description: "Wooden toys made in Karelia.",
  ...overrides,
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error as { code?: string; message: string; issues?: { path: PropertyKey[]; message: string }[] },
  );

async function queuedSyncs(): Promise<string[]> {
  const rows = await prisma().$queryRaw<{ payload: string[] }[]>`
    SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     WHERE t.identifier = 'search.sync-products'`;
  return rows.flatMap((row) => row.payload);
}

describe("updateShop", () => {
  it("saves the owner's changes with the same normalisation as onboarding", async () => {
    const { user, shop } = await ownerWithShop();
    const saved = await updateShop(user.id, settings(shop.id));
    expect(saved).toMatchObject({
      id: shop.id,
      slug: shop.slug,
      name: "Birch & Pine",
      legalName: "ИП Иванов И. И.",
      taxId: "500100732259",
      contactEmail: "sales@example.com",
      contactPhone: "+78125554433",
      description: "Wooden toys made in Karelia.",
      logoUrl: null,
      canEdit: true,
    });
    // The slug is the shop's address: a new name does not move it.
    expect((await prisma().seller.findUniqueOrThrow({ where: { id: shop.id } })).slug).toBe(shop.slug);
  });

  it("applies onboarding's validation: INN control digits, email, phone, no HTML", async () => {
    const { user, shop } = await ownerWithShop();
    const error = await failure(updateShop(user.id, settings(shop.id, { taxId: "7707083894", contactEmail: "nope", contactPhone: "12", description: "<b>Sale</b>" })));
    expect(error?.issues?.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["taxId", INN_MESSAGE],
      ["contactEmail", "Enter a valid email address"],
      ["contactPhone", "Enter a phone number with 10 to 15 digits, e.g. +7 495 123-45-67"],
      ["description", "Use plain text: HTML tags are not allowed"],
    ]);
  });

  it("refuses fields the marketplace owns (slug, status, rating, membership) and changes nothing", async () => {
    const { user, shop } = await ownerWithShop();
    const before = await prisma().seller.findUniqueOrThrow({ where: { id: shop.id } });
    const error = await failure(
      updateShop(user.id, { ...settings(shop.id), slug: "nike", status: "ACTIVE", ratingSum: 500, ratingCount: 100, logoUrl: "https://evil.example/x.png" } as UpdateShopInput),
    );
    expect(error?.issues?.[0]?.message).toBe("These fields cannot be changed here: slug, status, ratingSum, ratingCount, logoUrl");
    expect(await prisma().seller.findUniqueOrThrow({ where: { id: shop.id } })).toEqual(before);
  });

  it("answers another shop exactly like a missing one, and lets staff read but not edit", async () => {
    const { shop } = await ownerWithShop();
    const { user: stranger } = await ownerWithShop("Someone Else");
    for (const sellerId of [shop.id, randomUUID()]) {
      expect(await failure(updateShop(stranger.id, settings(sellerId)))).toMatchObject({ code: "NOT_FOUND", message: "We could not find that shop." });
      expect(await failure(getShopSettings(stranger.id, sellerId))).toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await prisma().seller.findUniqueOrThrow({ where: { id: shop.id } })).name).toBe("Birch Studio");

    const staff = await createUser("Staff");
    await prisma().sellerMember.create({ data: { sellerId: shop.id, userId: staff.id, role: "STAFF" } });
    expect(await getShopSettings(staff.id, shop.id)).toMatchObject({ name: "Birch Studio", canEdit: false });
    expect(await failure(updateShop(staff.id, settings(shop.id)))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("sets the logo from the shop's own upload, keeps it when absent, removes it with null", async () => {
    const { user, shop } = await ownerWithShop();
    const logo = await storeShopLogo(shop.id, { body: await pngImage(300, 300), filename: "logo.png", declaredType: "image/png" });
    const saved = await updateShop(user.id, settings(shop.id, { logoStorageKey: logo.storageKey }));
    expect(saved).toMatchObject({ logoUrl: `/files/${logo.storageKey}`, logoStorageKey: logo.storageKey });
    expect((await updateShop(user.id, settings(shop.id))).logoUrl).toBe(`/files/${logo.storageKey}`);

    // A replaced logo's file is deleted; the new one stays.
    const store = createLocalFileStore(directory());
    const replacement = await storeShopLogo(shop.id, { body: await pngImage(400, 400), filename: "new.png", declaredType: "image/png" });
    expect((await updateShop(user.id, settings(shop.id, { logoStorageKey: replacement.storageKey }))).logoStorageKey).toBe(replacement.storageKey);
    expect(await store.exists(logo.storageKey)).toBe(false);
    expect(await store.exists(replacement.storageKey)).toBe(true);

    expect((await updateShop(user.id, settings(shop.id, { logoStorageKey: null }))).logoUrl).toBeNull();
    expect(await store.exists(replacement.storageKey)).toBe(false);
  });

  it("refuses a logo key of another shop, a product image, or an arbitrary path", async () => {
    const { user, shop } = await ownerWithShop();
    const { shop: other } = await ownerWithShop("Other Shop");
    const foreign = await storeShopLogo(other.id, { body: await pngImage(300, 300), filename: "logo.png", declaredType: "image/png" });
    const productImage = await storeProductImage(shop.id, { body: await pngImage(300, 300), filename: "p.png", declaredType: "image/png" });
    for (const key of [foreign.storageKey, productImage.storageKey, "../../etc/passwd", `sellers/${shop.id}/logo/${randomUUID()}.webp`]) {
      expect(await failure(updateShop(user.id, settings(shop.id, { logoStorageKey: key })))).toMatchObject({ code: "BAD_REQUEST" });
    }
    expect((await prisma().seller.findUniqueOrThrow({ where: { id: shop.id } })).logoUrl).toBeNull();
  });

  it("re-indexes the shop's products when its name changes, and only then", async () => {
    const { user, shop } = await ownerWithShop();
    const product = await createProduct({ sellerId: shop.id });
    await prisma().$executeRaw`DELETE FROM graphile_worker._private_jobs`;
    await updateShop(user.id, settings(shop.id, { name: "Birch Studio" }));
    expect(await queuedSyncs()).toEqual([]);
    await updateShop(user.id, settings(shop.id, { name: "Birch Renamed" }));
    expect(await queuedSyncs()).toContain(product.id);
  });
});
