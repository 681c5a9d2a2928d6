import { z } from "zod";

export const pickupPointsInput = z.object({ city: z.string().trim().min(1, "Choose a city").max(100) });
export type PickupPointsInput = z.input<typeof pickupPointsInput>;

export const pickupPointIdInput = z.object({ pickupPointId: z.uuid("Choose a pickup point from the list") });
export type PickupPointIdInput = z.input<typeof pickupPointIdInput>;

export const estimateDeliveryInput = z.object({
  pickupPointId: z.uuid("Choose a pickup point from the list"),
  productId: z.uuid("Unknown product"),
});
export type EstimateDeliveryInput = z.input<typeof estimateDeliveryInput>;

/** The product page asks for the estimate to the pickup point the shopper chose. */
export const productEstimateInput = z.object({ productId: z.uuid("Unknown product") });
