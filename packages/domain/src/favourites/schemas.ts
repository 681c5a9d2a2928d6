import { z } from "zod";

/** A guest keeps at most this many favourites on the device; a merge takes no more. */
export const MAX_DEVICE_FAVOURITES = 100;

export const favouriteInput = z.object({ productId: z.uuid("Unknown product") });
export type FavouriteInput = z.input<typeof favouriteInput>;

export const mergeFavouritesInput = z.object({
  productIds: z.array(z.uuid("Unknown product")).max(MAX_DEVICE_FAVOURITES, `At most ${MAX_DEVICE_FAVOURITES} favourites at once`),
});
export type MergeFavouritesInput = z.input<typeof mergeFavouritesInput>;

export const userIdSchema = z.uuid();
