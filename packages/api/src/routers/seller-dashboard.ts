import { getSellerDashboard, sellerDashboardInput } from "@market/domain/seller-dashboard";
import { router, sellerProcedure } from "../trpc.ts";

/** The portal dashboard of one of the signed-in seller's shops (NOT_FOUND for any other shop). */
export const sellerDashboardRouter = router({
  get: sellerProcedure.input(sellerDashboardInput).query(({ ctx, input }) => getSellerDashboard(ctx.user.id, input)),
});
