import { createShop, createShopInput, getSellerProfile, getShopSettings, listMyShops, updateShop, updateShopInput } from "@market/domain/sellers";
import { z } from "zod";
import { publicProcedure, router, sellerProcedure } from "../trpc.ts";

export const sellersRouter = router({
  myShops: sellerProcedure.query(({ ctx }) => listMyShops(ctx.user.id)),
  profile: publicProcedure.input(z.object({ slug: z.string().min(1).max(100) })).query(({ input }) => getSellerProfile(input.slug)),
  /** Onboarding: the signed-in seller creates a shop and becomes its owner. */
  createShop: sellerProcedure.input(createShopInput).mutation(({ ctx, input }) => createShop(ctx.user.id, input)),
  /** Shop settings: the current values for a member of the shop (another shop: NOT_FOUND). */
  shopSettings: sellerProcedure.input(z.object({ sellerId: z.string().max(100) })).query(({ ctx, input }) => getShopSettings(ctx.user.id, input.sellerId)),
  /** Shop settings: the owner saves name, legal details, contacts and logo (never slug or status). */
  updateShop: sellerProcedure.input(updateShopInput).mutation(({ ctx, input }) => updateShop(ctx.user.id, input)),
});
