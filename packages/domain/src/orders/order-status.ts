// What the shopper is told about an order, derived from the order and its parts in one place.
import { DeliveryMethod, FulfilmentStatus, OrderStatus } from "@market/db";
import { progressOf } from "../fulfilment/progress.ts";

export type ShopperOrderStatus =
  | "awaiting-payment"
  | "paid"
  | "being-prepared"
  | "packed"
  | "shipped"
  | "ready-for-pickup"
  | "delivered"
  | "cancelled"
  | "refunded"
  | "returned";


const BY_PART: Record<string, ShopperOrderStatus> = {
  AWAITING_PAYMENT: "awaiting-payment",
  NEW: "paid",
  ACCEPTED: "being-prepared",
  PICKING: "being-prepared",
  PACKED: "packed",
  SHIPPED: "shipped",
  READY_FOR_PICKUP: "ready-for-pickup",
  DELIVERED: "delivered",
};

/**
 * What a part's status means to the shopper. The warehouse's DELIVERED is the end of its
 * journey: for a pickup order that is the pickup point, where the shopper still has to collect it.
 */
export function partStatusForShopper(status: FulfilmentStatus, deliveryMethod: DeliveryMethod): FulfilmentStatus {
  return status === FulfilmentStatus.DELIVERED && deliveryMethod === DeliveryMethod.PICKUP ? FulfilmentStatus.READY_FOR_PICKUP : status;
}

export function shopperOrderStatus(
  order: { status: OrderStatus; deliveryMethod: DeliveryMethod },
  parts: readonly { status: FulfilmentStatus }[],
): ShopperOrderStatus {
  if (order.status === OrderStatus.CANCELLED) return "cancelled";
  if (order.status === OrderStatus.REFUNDED) return "refunded";
  if (order.status === OrderStatus.PENDING_PAYMENT) return "awaiting-payment";
  // PAID or COMPLETED (every live parcel delivered): the parcels tell.
  // The order as a whole is as far as its least advanced parcel.
  const live = parts.filter((p) => progressOf(p.status) >= 0);
  if (live.length === 0) {
    if (parts.length > 0 && parts.every((p) => p.status === FulfilmentStatus.CANCELLED)) return "cancelled";
    // Every parcel that was not cancelled came back to its seller.
    if (parts.some((p) => p.status === FulfilmentStatus.RETURNED)) return "returned";
    return "paid"; // an order without parts, which placing an order never makes

  }
  const least = live.reduce((min, p) => (progressOf(p.status) < progressOf(min.status) ? p : min));
  return BY_PART[partStatusForShopper(least.status, order.deliveryMethod)] ?? "paid";
}
