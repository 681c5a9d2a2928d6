import { estimateDelivery, getPickupPoint, listPickupCities, listPickupPoints, pickupPointIdInput, pickupPointsInput, productEstimateInput } from "@market/domain/delivery";
import { AppError } from "@market/domain";
import { COOKIES } from "../context.ts";
import { publicProcedure, router } from "../trpc.ts";

const PICKUP_POINT_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export const deliveryRouter = router({
  cities: publicProcedure.query(() => listPickupCities()),
  pickupPoints: publicProcedure.input(pickupPointsInput).query(({ input }) => listPickupPoints(input)),
  /** The pickup point chosen on this device (kept in a cookie for guests and shoppers alike), or null. */
  chosen: publicProcedure.query(({ ctx }) => (ctx.pickupPointId ? getPickupPoint({ pickupPointId: ctx.pickupPointId }) : null)),
  choose: publicProcedure.input(pickupPointIdInput).mutation(async ({ ctx, input }) => {
    const point = await getPickupPoint(input);
    if (!point) throw new AppError("NOT_FOUND", "That pickup point is closed or no longer exists. Choose another one.");
    ctx.setCookie(COOKIES.pickupPoint, point.id, { maxAgeSeconds: PICKUP_POINT_MAX_AGE_SECONDS });
    return point;
  }),
  /** When each variant of the product would be ready at the chosen pickup point; null when none is chosen. */
  estimate: publicProcedure.input(productEstimateInput).query(async ({ ctx, input }) => {
    const point = ctx.pickupPointId ? await getPickupPoint({ pickupPointId: ctx.pickupPointId }) : null;
    return point ? estimateDelivery({ pickupPointId: point.id, productId: input.productId }) : null;
  }),
});
