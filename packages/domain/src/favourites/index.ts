export * from "./schemas.ts";
export { addFavourite } from "./add-favourite.ts";
export { removeFavourite } from "./remove-favourite.ts";
export { listFavourites, listFavouriteIds } from "./list-favourites.ts";
export { mergeFavourites } from "./merge-favourites.ts";
