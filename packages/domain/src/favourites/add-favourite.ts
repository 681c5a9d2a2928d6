import { getPrisma, ProductStatus } from "@market/db";
import { AppError } from "../errors.ts";
import { favouriteInput, userIdSchema, type FavouriteInput } from "./schemas.ts";

/** Adds a published product to the shopper's favourites; adding it again changes nothing. */
export async function addFavourite(userId: string, input: FavouriteInput): Promise<{ productId: string }> {
  const { productId } = favouriteInput.parse(input);
  const prisma = getPrisma();
  const product = await prisma.product.findFirst({ where: { id: productId, status: ProductStatus.ACTIVE }, select: { id: true } });
  if (!product) throw new AppError("NOT_FOUND", "This product is no longer sold, so it cannot be added to favourites.");
  await prisma.favourite.upsert({
    where: { userId_productId: { userId: userIdSchema.parse(userId), productId } },
    create: { userId, productId },
    update: {},
  });
  return { productId };
}
