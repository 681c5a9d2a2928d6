// Words for the two statuses of a seller's order: the seller's own (new -> confirmed -> complete,
// or cancelled) and the platform's delivery status of the parcel.
export const SELLER_STATUS_LABEL = {
  NEW: "New",
  CONFIRMED: "Confirmed",
  COMPLETE: "Complete",
  CANCELLED: "Cancelled",
} as const;

export const DELIVERY_STATUS_LABEL = {
  AWAITING_PAYMENT: "Awaiting payment",
  NEW: "New",
  ACCEPTED: "Accepted by warehouse",
  PICKING: "Picking",
  PACKED: "Packed",
  SHIPPED: "Shipped",
  READY_FOR_PICKUP: "At the pickup point",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
  RETURNED: "Returned",
} as const;

export type SellerStatusKey = keyof typeof SELLER_STATUS_LABEL;
export type DeliveryStatusKey = keyof typeof DELIVERY_STATUS_LABEL;

export const SELLER_STATUSES = Object.keys(SELLER_STATUS_LABEL) as SellerStatusKey[];
/** Delivery statuses a paid order can be in (awaiting payment never shows in the seller's lists). */
export const DELIVERY_STATUSES = (Object.keys(DELIVERY_STATUS_LABEL) as DeliveryStatusKey[]).filter((s) => s !== "AWAITING_PAYMENT");

export const sellerStatusLabel = (status: string) => SELLER_STATUS_LABEL[status as SellerStatusKey] ?? status;
export const deliveryStatusLabel = (status: string) => DELIVERY_STATUS_LABEL[status as DeliveryStatusKey] ?? status;

const SELLER_STATUS_TONE: Record<SellerStatusKey, string> = {
  NEW: "bg-blue-100 text-blue-900",
  CONFIRMED: "bg-amber-100 text-amber-900",
  COMPLETE: "bg-green-100 text-green-900",
  CANCELLED: "bg-gray-200 text-gray-800",
};

export function SellerStatusBadge({ status }: { status: string }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${SELLER_STATUS_TONE[status as SellerStatusKey] ?? "bg-gray-100"}`}>{sellerStatusLabel(status)}</span>;
}
