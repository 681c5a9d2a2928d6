// What a product needs before shoppers see it: something to buy (an active SKU with a price),
// a picture, and the category's required characteristics. Checked when publishing and when an
// already published product is edited.
import type { Db } from "../db.ts";

export type PublishProblem = { field: string; message: string };

export async function publishProblems(
  db: Db,
  product: { categoryId: string; hasActiveVariant: boolean; imageCount: number; characteristicIds: readonly string[] },
): Promise<PublishProblem[]> {
  const problems: PublishProblem[] = [];
  if (!product.hasActiveVariant) problems.push({ field: "variants", message: "Add at least one active SKU with a price" });
  if (product.imageCount === 0) problems.push({ field: "images", message: "Add at least one image" });
  const required = await db.categoryCharacteristic.findMany({
    where: { categoryId: product.categoryId, required: true },
    orderBy: [{ position: "asc" }, { key: "asc" }],
    select: { id: true, key: true, name: true },
  });
  const present = new Set(product.characteristicIds);
  for (const characteristic of required) {
    if (!present.has(characteristic.id)) problems.push({ field: `characteristics.${characteristic.key}`, message: `Fill in ${characteristic.name}: it is required in this category` });
  }
  return problems;
}

/** The same checks for a stored product. */
export async function storedPublishProblems(db: Db, productId: string): Promise<PublishProblem[]> {
  const product = await db.product.findUniqueOrThrow({
    where: { id: productId },
    select: {
      categoryId: true,
      _count: { select: { images: true, variants: { where: { isActive: true, priceMinor: { gt: 0 } } } } },
      characteristics: { where: { characteristicId: { not: null }, value: { not: "" } }, select: { characteristicId: true } },
    },
  });
  return publishProblems(db, {
    categoryId: product.categoryId,
    hasActiveVariant: product._count.variants > 0,
    imageCount: product._count.images,
    characteristicIds: product.characteristics.map((row) => row.characteristicId!),
  });
}
