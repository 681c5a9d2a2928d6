import { getPrisma, ProductStatus } from "@market/db";
import { mergeFavouritesInput, userIdSchema, type MergeFavouritesInput } from "./schemas.ts";

/**
 * Adds the favourites a guest kept on the device to their account after sign-in. Products
 * already in the account, unknown or no longer sold are skipped; returns how many were added.
 */
export async function mergeFavourites(userId: string, input: MergeFavouritesInput): Promise<{ added: number }> {
  const { productIds } = mergeFavouritesInput.parse(input);
  const unique = [...new Set(productIds)];
  if (unique.length === 0) return { added: 0 };
  const prisma = getPrisma();
  const sold = await prisma.product.findMany({ where: { id: { in: unique }, status: ProductStatus.ACTIVE }, select: { id: true } });
  const result = await prisma.favourite.createMany({
    data: sold.map((product) => ({ userId: userIdSchema.parse(userId), productId: product.id })),
    skipDuplicates: true,
  });
  return { added: result.count };
}
