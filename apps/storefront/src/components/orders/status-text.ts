import type { ShopperOrderStatus, TimelineEntry } from "@market/domain/orders";

/** Message keys for what the shopper is told about an order. */
export const STATUS_KEY = {
  "awaiting-payment": "orders.status.awaitingPayment",
  paid: "orders.status.paid",
  "being-prepared": "orders.status.beingPrepared",
  packed: "orders.status.packed",
  shipped: "orders.status.shipped",
  "ready-for-pickup": "orders.status.readyForPickup",
  delivered: "orders.status.delivered",
  cancelled: "orders.status.cancelled",
  refunded: "orders.status.refunded",
  returned: "orders.status.returned",
} as const satisfies Record<ShopperOrderStatus, string>;

export const TIMELINE_KEY = {
  placed: "orders.timeline.placed",
  paid: "orders.timeline.paid",
  cancelled: "orders.timeline.cancelled",
  "part-awaiting_payment": "orders.timeline.placed",
  "part-new": "orders.timeline.paid",
  "part-accepted": "orders.timeline.accepted",
  "part-picking": "orders.timeline.picking",
  "part-packed": "orders.status.packed",
  "part-shipped": "orders.status.shipped",
  "part-ready_for_pickup": "orders.status.readyForPickup",
  "part-delivered": "orders.status.delivered",
  "part-cancelled": "orders.timeline.partCancelled",
  "part-returned": "orders.timeline.returned",
} as const satisfies Record<TimelineEntry["kind"], string>;

export const STATUS_TONE: Record<ShopperOrderStatus, string> = {
  "awaiting-payment": "bg-amber-100 text-amber-900",
  paid: "bg-green-100 text-green-900",
  "being-prepared": "bg-blue-100 text-blue-900",
  packed: "bg-blue-100 text-blue-900",
  shipped: "bg-blue-100 text-blue-900",
  "ready-for-pickup": "bg-green-100 text-green-900",
  delivered: "bg-green-100 text-green-900",
  cancelled: "bg-gray-200 text-gray-800",
  refunded: "bg-gray-200 text-gray-800",
  returned: "bg-gray-200 text-gray-800",
};
