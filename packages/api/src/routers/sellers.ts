import { createShop, createShopInput, getSellerProfile, listMyShops } from "@market/domain/sellers";
import { z } from "zod";
import { publicProcedure, router, sellerProcedure } from "../trpc.ts";

export const sellersRouter = router({
  myShops: sellerProcedure.query(({ ctx }) => listMyShops(ctx.user.id)),
  profile: publicProcedure.input(z.object({ slug: z.string().min(1).max(100) })).query(({ input }) => getSellerProfile(input.slug)),
  /** Onboarding: the signed-in seller creates a shop and becomes its owner. */
  createShop: sellerProcedure.input(createShopInput).mutation(({ ctx, input }) => createShop(ctx.user.id, input)),
});
