import { getPrisma } from "@market/db";
import { favouriteInput, userIdSchema, type FavouriteInput } from "./schemas.ts";

/** Removes a product from the shopper's favourites; removing a missing one is not an error. */
export async function removeFavourite(userId: string, input: FavouriteInput): Promise<{ productId: string }> {
  const { productId } = favouriteInput.parse(input);
  await getPrisma().favourite.deleteMany({ where: { userId: userIdSchema.parse(userId), productId } });
  return { productId };
}
