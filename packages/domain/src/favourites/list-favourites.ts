import { getPrisma, ProductStatus } from "@market/db";
import { productCardSelect, toProductCard, type ProductCard } from "../catalog/product-card.ts";
import { userIdSchema } from "./schemas.ts";

/** The shopper's favourites that are still sold, most recently added first. */
export async function listFavourites(userId: string): Promise<ProductCard[]> {
  const rows = await getPrisma().favourite.findMany({
    where: { userId: userIdSchema.parse(userId), product: { status: ProductStatus.ACTIVE } },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { product: { select: productCardSelect } },
  });
  return rows.map((row) => toProductCard(row.product));
}

/** Just the ids, for marking favourite buttons. */
export async function listFavouriteIds(userId: string): Promise<string[]> {
  const rows = await getPrisma().favourite.findMany({
    where: { userId: userIdSchema.parse(userId) },
    orderBy: { createdAt: "desc" },
    select: { productId: true },
  });
  return rows.map((row) => row.productId);
}
