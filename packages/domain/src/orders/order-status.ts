// What the shopper is told about an order, derived from the order and its parts in one place.
import { FulfilmentStatus, OrderStatus } from "@market/db";

export type ShopperOrderStatus =
  | "awaiting-payment"
  | "paid"
  | "being-prepared"
  | "packed"
  | "shipped"
  | "ready-for-pickup"
  | "delivered"
  | "cancelled"
  | "refunded";

// The order as a whole is as far as its least advanced parcel.
const PART_PROGRESS: FulfilmentStatus[] = [
  FulfilmentStatus.AWAITING_PAYMENT,
  FulfilmentStatus.NEW,
  FulfilmentStatus.ACCEPTED,
  FulfilmentStatus.PICKING,
  FulfilmentStatus.PACKED,
  FulfilmentStatus.SHIPPED,
  FulfilmentStatus.READY_FOR_PICKUP,
  FulfilmentStatus.DELIVERED,
];

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

export function shopperOrderStatus(order: { status: OrderStatus }, parts: readonly { status: FulfilmentStatus }[]): ShopperOrderStatus {
  if (order.status === OrderStatus.CANCELLED) return "cancelled";
  if (order.status === OrderStatus.REFUNDED) return "refunded";
  if (order.status === OrderStatus.PENDING_PAYMENT) return "awaiting-payment";
  const live = parts.filter((p) => PART_PROGRESS.includes(p.status));
  if (live.length === 0) return "paid";
  const least = live.reduce((min, p) => (PART_PROGRESS.indexOf(p.status) < PART_PROGRESS.indexOf(min.status) ? p : min));
  return BY_PART[least.status] ?? "paid";
}
