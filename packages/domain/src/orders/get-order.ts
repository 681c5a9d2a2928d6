// A shopper's order as its owner sees it. Another shopper's order number answers NOT_FOUND,
// exactly like a number that does not exist, so numbers cannot be probed.
import { getPrisma, type Currency, type DeliveryMethod, type FulfilmentStatus, type PaymentStatus } from "@market/db";
import { AppError } from "../errors.ts";
import { fileUrl } from "../files/index.ts";
import { partStatusForShopper, shopperOrderStatus, type ShopperOrderStatus } from "./order-status.ts";
import { orderNumberInput, type OrderNumberInput } from "./schemas.ts";

export type TimelineEntry = { at: Date; kind: "placed" | "paid" | "cancelled" | `part-${Lowercase<FulfilmentStatus>}`; seller?: string; trackingNumber?: string | null };

export type OrderDetail = {
  id: string;
  number: string;
  status: ShopperOrderStatus;
  createdAt: Date;
  paidAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  reservationExpiresAt: Date | null;
  currency: Currency;
  subtotalMinor: number;
  deliveryMinor: number;
  totalMinor: number;
  delivery: { method: DeliveryMethod; pickupPoint: { name: string; address: string; city: string; openingHours: string } | null; address: Record<string, string> | null; estimate: Date | null };
  contact: { name: string; phone: string; email: string };
  parts: {
    id: string;
    seller: { name: string; slug: string };
    status: FulfilmentStatus;
    trackingNumber: string | null;
    subtotalMinor: number;
    lines: { id: string; title: string; size: string | null; color: string | null; quantity: number; unitPriceMinor: number; compareAtMinor: number | null; lineTotalMinor: number; image: string | null; productSlug: string }[];
  }[];
  payment: { status: PaymentStatus; failureMessage: string | null; refundedMinor: number } | null;
  timeline: TimelineEntry[];
};

export async function getOrder(userId: string, input: OrderNumberInput): Promise<OrderDetail> {
  const { number } = orderNumberInput.parse(input);
  const order = await getPrisma().order.findUnique({
    where: { number },
    include: {
      pickupPoint: { select: { name: true, address: true, city: true, openingHours: true } },
      parts: {
        orderBy: { createdAt: "asc" },
        include: {
          seller: { select: { name: true, slug: true } },
          lines: { orderBy: { title: "asc" }, include: { variant: { select: { product: { select: { slug: true } } } } } },
          events: { where: { applied: true }, orderBy: { occurredAt: "asc" }, select: { status: true, occurredAt: true, trackingNumber: true } },
        },
      },
      payments: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, failureMessage: true, refundedMinor: true } },
    },
  });
  if (!order || order.userId !== userId) throw new AppError("NOT_FOUND", "We could not find this order in your account.");

  const timeline: TimelineEntry[] = [{ at: order.createdAt, kind: "placed" }];
  if (order.paidAt) timeline.push({ at: order.paidAt, kind: "paid" });
  for (const part of order.parts) {
    for (const event of part.events) {
      const status = partStatusForShopper(event.status, order.deliveryMethod);
      timeline.push({ at: event.occurredAt, kind: `part-${status.toLowerCase() as Lowercase<FulfilmentStatus>}`, seller: part.seller.name, trackingNumber: event.trackingNumber });
    }
  }
  if (order.cancelledAt) timeline.push({ at: order.cancelledAt, kind: "cancelled" });
  timeline.sort((a, b) => a.at.getTime() - b.at.getTime());

  return {
    id: order.id,
    number: order.number,
    status: shopperOrderStatus(order, order.parts),
    createdAt: order.createdAt,
    paidAt: order.paidAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason,
    reservationExpiresAt: order.reservationExpiresAt,
    currency: order.currency,
    subtotalMinor: order.subtotalMinor,
    deliveryMinor: order.deliveryMinor,
    totalMinor: order.totalMinor,
    delivery: {
      method: order.deliveryMethod,
      pickupPoint: order.pickupPoint,
      address: (order.deliveryAddress as Record<string, string> | null) ?? null,
      estimate: order.deliveryEstimate,
    },
    contact: { name: order.contactName, phone: order.contactPhone, email: order.contactEmail },
    parts: order.parts.map((part) => ({
      id: part.id,
      seller: part.seller,
      status: part.status,
      trackingNumber: part.trackingNumber,
      subtotalMinor: part.subtotalMinor,
      lines: part.lines.map((line) => ({
        id: line.id,
        title: line.title,
        size: line.size,
        color: line.color,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        compareAtMinor: line.compareAtMinor,
        lineTotalMinor: line.lineTotalMinor,
        image: line.imageKey ? fileUrl(line.imageKey) : null,
        productSlug: line.variant.product.slug,
      })),
    })),
    payment: order.payments[0] ?? null,
    timeline,
  };
}
