// Rows for the listings tests: a shop with a member, a leaf category with characteristics of
// every type, a marketplace warehouse, and a real uploaded picture. Not for product code.
import { getPrisma } from "@market/db";
import { storeProductImage } from "../../files/index.ts";
import { pngImage } from "../../files/testing/index.ts";
import { createSeller, createUser, createWarehouse } from "../../testing/shop-fixtures.ts";
import type { ListingInput } from "../schemas.ts";

let serial = 0;
const next = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;

export async function createShopWithMember() {
  const prisma = getPrisma();
  const user = await createUser("Shop Owner");
  await prisma.user.update({ where: { id: user.id }, data: { role: "SELLER" } });
  const seller = await createSeller();
  await prisma.sellerMember.create({ data: { userId: user.id, sellerId: seller.id, role: "OWNER" } });
  return { userId: user.id, sellerId: seller.id, access: { userId: user.id, sellerId: seller.id } };
}

export async function createListingCategory(options: { hasSizes?: boolean } = {}) {
  const prisma = getPrisma();
  const n = next();
  const parent = await prisma.category.create({ data: { slug: `women-${n}`, name: "Women", nameRu: "Женщинам", path: `/women-${n}/` } });
  const leaf = await prisma.category.create({
    data: { slug: `dresses-${n}`, name: "Dresses", nameRu: "Платья", parentId: parent.id, depth: 1, path: `/women-${n}/dresses-${n}/`, hasSizes: options.hasSizes ?? true },
  });
  await prisma.categoryCharacteristic.createMany({
    data: [
      { categoryId: leaf.id, key: "material", name: "Material", nameRu: "Материал", type: "ENUM", options: ["Cotton", "Linen", "Silk"], required: true, position: 0 },
      { categoryId: leaf.id, key: "length_cm", name: "Length", nameRu: "Длина", type: "NUMBER", unit: "cm", position: 1 },
      { categoryId: leaf.id, key: "pockets", name: "Pockets", nameRu: "Карманы", type: "BOOLEAN", position: 2 },
      { categoryId: leaf.id, key: "care", name: "Care", nameRu: "Уход", type: "TEXT", position: 3 },
    ],
  });
  return { parentId: parent.id, categoryId: leaf.id };
}

export async function marketplaceWarehouse() {
  const warehouse = await createWarehouse("Moscow");
  return getPrisma().warehouse.findUniqueOrThrow({ where: { id: warehouse.id }, select: { id: true, code: true } });
}

export async function uploadPicture(sellerId: string) {
  return storeProductImage(sellerId, { body: await pngImage(400, 300), filename: "dress.png", declaredType: "image/png" });
}

export function dressInput(categoryId: string, warehouseCode: string, imageKey: string | null, overrides: Partial<ListingInput> = {}): ListingInput {
  const n = next();
  return {
    categoryId,
    title: "Linen Summer Dress",
    brand: "Nordic Threads",
    description: "<p>Light <strong>linen</strong> dress.</p>",
    currency: "RUB",
    characteristics: { material: "Linen", length_cm: "105", pockets: "yes" },
    variants: [
      { size: "S", color: "Blue", colorHex: "#1e40af", sku: `DRESS-${n}-S`, priceMinor: 349_000, compareAtMinor: 499_000, stocks: [{ warehouseCode, quantity: 5 }] },
      { size: "M", color: "Blue", colorHex: "#1e40af", sku: `DRESS-${n}-M`, priceMinor: 329_000, stocks: [{ warehouseCode, quantity: 3 }] },
    ],
    images: imageKey ? [{ storageKey: imageKey, alt: "Front view" }] : [],
    ...overrides,
  };
}
