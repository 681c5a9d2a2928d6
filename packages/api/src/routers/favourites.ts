import { addFavourite, favouriteInput, listFavouriteIds, listFavourites, mergeFavourites, mergeFavouritesInput, removeFavourite } from "@market/domain/favourites";
import { router, signedInProcedure } from "../trpc.ts";

// Signed-in shoppers only: guests keep favourites on their device and merge them after sign-in.
export const favouritesRouter = router({
  list: signedInProcedure.query(({ ctx }) => listFavourites(ctx.user.id)),
  ids: signedInProcedure.query(({ ctx }) => listFavouriteIds(ctx.user.id)),
  add: signedInProcedure.input(favouriteInput).mutation(({ ctx, input }) => addFavourite(ctx.user.id, input)),
  remove: signedInProcedure.input(favouriteInput).mutation(({ ctx, input }) => removeFavourite(ctx.user.id, input)),
  /** Called once by the client after sign-in with the device's list. */
  merge: signedInProcedure.input(mergeFavouritesInput).mutation(({ ctx, input }) => mergeFavourites(ctx.user.id, input)),
});
