// The delivery estimate shown on the product page, kept deliberately simple:
//
//   ready at the pickup point on  today + pickupPoint.deliveryDays
//                                  + 1 day when no warehouse in the pickup point's own city
//                                    has the variant (it travels from another city first)
//
// "Today" is the calendar date in UTC when the page is rendered; the answer is a date
// (YYYY-MM-DD), not a time. Sold-out variants have no estimate.
import { getPrisma } from "@market/db";
import { AppError } from "../errors.ts";
import { getPickupPoint, type PickupPointView } from "./pickup-points.ts";
import { estimateDeliveryInput, type EstimateDeliveryInput } from "./schemas.ts";

export type VariantEstimate = { date: string; days: number; fromAnotherCity: boolean };
export type DeliveryEstimate = { pickupPoint: PickupPointView; variants: Record<string, VariantEstimate | null> };

const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(today: Date, days: number): string {
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return new Date(midnight + days * DAY_MS).toISOString().slice(0, 10);
}

export async function estimateDelivery(input: EstimateDeliveryInput, now = new Date()): Promise<DeliveryEstimate> {
  const { pickupPointId, productId } = estimateDeliveryInput.parse(input);
  const pickupPoint = await getPickupPoint({ pickupPointId });
  if (!pickupPoint) throw new AppError("NOT_FOUND", "That pickup point is closed or no longer exists. Choose another one.");
  const variants = await getPrisma().productVariant.findMany({
    where: { productId, isActive: true },
    select: { id: true, stock: { select: { onHand: true, reserved: true, warehouse: { select: { city: true } } } } },
  });
  const estimates: Record<string, VariantEstimate | null> = {};
  for (const variant of variants) {
    const cities = variant.stock.filter((s) => s.onHand - s.reserved > 0).map((s) => s.warehouse.city);
    if (cities.length === 0) {
      estimates[variant.id] = null;
      continue;
    }
    const fromAnotherCity = !cities.includes(pickupPoint.city);
    const days = pickupPoint.deliveryDays + (fromAnotherCity ? 1 : 0);
    estimates[variant.id] = { date: addDays(now, days), days, fromAnotherCity };
  }
  return { pickupPoint, variants: estimates };
}
