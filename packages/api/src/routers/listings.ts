import {
  archiveListing,
  createListing,
  getCategoryForm,
  getListing,
  listCategoriesForListing,
  listListings,
  listListingsInputSchema,
  listingInputSchema,
  listWarehousesForListing,
  publishListing,
  unpublishListing,
  updateListing,
} from "@market/domain/listings";
import { z } from "zod";
import { router, sellerProcedure } from "../trpc.ts";

// Every input names the shop chosen in the portal; the domain checks that the signed-in user is
// one of its members and answers NOT_FOUND otherwise (and for another shop's product).
const shopInput = z.strictObject({ sellerId: z.uuid("Choose a shop") });
const productInput = shopInput.extend({ productId: z.uuid("We could not find this product in your shop.") });
// Flat, so field errors read "variants.0.sku" exactly as the domain reports its own checks.
const createInput = listingInputSchema.extend({ sellerId: z.uuid("Choose a shop") });
const updateInput = createInput.extend({ productId: z.uuid("We could not find this product in your shop.") });

/** The seller portal's product cards: list, edit form, save, and publishing. */
export const listingsRouter = router({
  categories: sellerProcedure.query(() => listCategoriesForListing()),
  categoryForm: sellerProcedure.input(z.strictObject({ categoryId: z.uuid("Choose a category") })).query(({ input }) => getCategoryForm(input.categoryId)),
  warehouses: sellerProcedure.input(shopInput).query(({ ctx, input }) => listWarehousesForListing({ userId: ctx.user.id, sellerId: input.sellerId })),
  list: sellerProcedure
    .input(listListingsInputSchema.extend({ sellerId: z.uuid("Choose a shop") }))
    .query(({ ctx, input: { sellerId, ...filters } }) => listListings({ userId: ctx.user.id, sellerId }, filters)),
  get: sellerProcedure.input(productInput).query(({ ctx, input }) => getListing({ userId: ctx.user.id, sellerId: input.sellerId }, input.productId)),
  create: sellerProcedure
    .input(createInput)
    .mutation(({ ctx, input: { sellerId, ...listing } }) => createListing({ userId: ctx.user.id, sellerId }, listing)),
  update: sellerProcedure
    .input(updateInput)
    .mutation(({ ctx, input: { sellerId, productId, ...listing } }) => updateListing({ userId: ctx.user.id, sellerId }, productId, listing)),
  publish: sellerProcedure.input(productInput).mutation(({ ctx, input }) => publishListing({ userId: ctx.user.id, sellerId: input.sellerId }, input.productId)),
  unpublish: sellerProcedure.input(productInput).mutation(({ ctx, input }) => unpublishListing({ userId: ctx.user.id, sellerId: input.sellerId }, input.productId)),
  archive: sellerProcedure.input(productInput).mutation(({ ctx, input }) => archiveListing({ userId: ctx.user.id, sellerId: input.sellerId }, input.productId)),
});
