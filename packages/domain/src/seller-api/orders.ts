// The key's shop's order parts (one order split per seller and warehouse), once paid: the
// seller-side status new -> confirmed -> complete (or cancelled) beside the platform's delivery
// status. The shopper's contact details and address are shown only for parts the shop ships
// itself (its own warehouse); the marketplace's warehouse ships the others, and the seller has
// no need for them.
import { FulfilmentStatus, getPrisma, SellerOrderStatus, WarehouseKind, type Prisma } from "@market/db";
import { z } from "zod";
import { AppError } from "../errors.ts";
import { cancelOrderPart, cancelOrderPartInput } from "../seller-orders/cancel-part.ts";
import { confirmOrderPart, deliverOrderPart, packOrderPart, shipOrderPart, shipOrderPartInput } from "../seller-orders/actions.ts";
import { cursorPage, pageOf, pageQuery } from "./pagination.ts";
import { currencySchema } from "./products.ts";

const SELLER_STATUSES = ["new", "confirmed", "complete", "cancelled"] as const;
const DELIVERY_STATUSES = ["new", "accepted", "picking", "packed", "shipped", "ready_for_pickup", "delivered", "cancelled", "returned"] as const;

export const sellerOrderStatusSchema = z.enum(SELLER_STATUSES).describe("The shop's own status: new -> confirmed -> complete, or cancelled");
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES).describe("The platform's delivery status of this part; it only moves forwards");

export const listOrdersQuery = pageQuery.extend({
  status: sellerOrderStatusSchema.optional(),
  deliveryStatus: deliveryStatusSchema.optional(),
});
export const orderIdParams = z.object({ id: z.uuid("Unknown order") });

const orderSummarySchema = z.object({
  id: z.uuid().describe("The order part's id"),
  orderNumber: z.string(),
  status: sellerOrderStatusSchema,
  deliveryStatus: deliveryStatusSchema,
  deliveryMethod: z.enum(["pickup", "courier"]),
  warehouse: z.object({ code: z.string(), kind: z.enum(["marketplace", "seller"]) }).nullable(),
  subtotalMinor: z.int(),
  currency: currencySchema,
  itemCount: z.int(),
  trackingNumber: z.string().nullable(),
  createdAt: z.iso.datetime(),
  paidAt: z.iso.datetime().nullable(),
});

export const orderDetailSchema = orderSummarySchema.extend({
  lines: z.array(
    z.object({ sku: z.string(), title: z.string(), size: z.string().nullable(), color: z.string().nullable(), quantity: z.int(), unitPriceMinor: z.int(), lineTotalMinor: z.int() }),
  ),
  shipping: z
    .object({
      recipient: z.object({ name: z.string(), phone: z.string() }),
      address: z.record(z.string(), z.unknown()).nullable(),
      pickupPoint: z.object({ code: z.string(), name: z.string(), city: z.string(), address: z.string() }).nullable(),
    })
    .nullable()
    .describe("Where to send the parcel: only for parts shipped from the shop's own warehouse, null otherwise"),
});
export const orderListSchema = cursorPage(orderSummarySchema);
export type ApiOrderSummary = z.output<typeof orderSummarySchema>;
export type ApiOrderDetail = z.output<typeof orderDetailSchema>;

const summarySelect = {
  id: true,
  status: true,
  sellerStatus: true,
  subtotalMinor: true,
  currency: true,
  trackingNumber: true,
  createdAt: true,
  warehouse: { select: { code: true, kind: true } },
  order: { select: { number: true, paidAt: true, deliveryMethod: true } },
  lines: { select: { quantity: true } },
} satisfies Prisma.OrderPartSelect;

type SummaryRow = Prisma.OrderPartGetPayload<{ select: typeof summarySelect }>;

/** Parts of the shop's paid orders; unpaid ones are not the seller's business yet. */
const sellerPartWhere = (sellerId: string): Prisma.OrderPartWhereInput => ({
  sellerId,
  status: { not: FulfilmentStatus.AWAITING_PAYMENT },
  order: { paidAt: { not: null } },
});

function toSummary(row: SummaryRow): ApiOrderSummary {
  return {
    id: row.id,
    orderNumber: row.order.number,
    status: row.sellerStatus.toLowerCase() as ApiOrderSummary["status"],
    deliveryStatus: row.status.toLowerCase() as ApiOrderSummary["deliveryStatus"],
    deliveryMethod: row.order.deliveryMethod === "COURIER" ? "courier" : "pickup",
    warehouse: row.warehouse ? { code: row.warehouse.code, kind: row.warehouse.kind === WarehouseKind.SELLER ? "seller" : "marketplace" } : null,
    subtotalMinor: row.subtotalMinor,
    currency: row.currency,
    itemCount: row.lines.reduce((sum, line) => sum + line.quantity, 0),
    trackingNumber: row.trackingNumber,
    createdAt: row.createdAt.toISOString(),
    paidAt: row.order.paidAt?.toISOString() ?? null,
  };
}

/** Newest first (ids are time-ordered), filtered by either status. */
export async function listSellerOrders(sellerId: string, query: z.output<typeof listOrdersQuery>) {
  const rows = await getPrisma().orderPart.findMany({
    where: {
      ...sellerPartWhere(sellerId),
      ...(query.cursor ? { id: { lt: query.cursor } } : {}),
      ...(query.status ? { sellerStatus: query.status.toUpperCase() as SellerOrderStatus } : {}),
      ...(query.deliveryStatus ? { status: query.deliveryStatus.toUpperCase() as FulfilmentStatus } : {}),
    },
    orderBy: { id: "desc" },
    take: query.limit + 1,
    select: summarySelect,
  });
  return pageOf(rows.map(toSummary), query.limit);
}

export async function getSellerOrder(sellerId: string, orderPartId: string): Promise<ApiOrderDetail> {
  const row = await getPrisma().orderPart.findFirst({
    where: { id: orderPartId, ...sellerPartWhere(sellerId) },
    select: {
      ...summarySelect,
      lines: { orderBy: { sku: "asc" }, select: { sku: true, title: true, size: true, color: true, quantity: true, unitPriceMinor: true, lineTotalMinor: true } },
      order: {
        select: {
          number: true,
          paidAt: true,
          deliveryMethod: true,
          contactName: true,
          contactPhone: true,
          deliveryAddress: true,
          pickupPoint: { select: { code: true, name: true, city: true, address: true } },
        },
      },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "We could not find this order in your shop.");
  const shipsItself = row.warehouse?.kind === WarehouseKind.SELLER;
  return {
    ...toSummary(row),
    lines: row.lines,
    shipping: shipsItself
      ? {
          recipient: { name: row.order.contactName, phone: row.order.contactPhone },
          address: (row.order.deliveryAddress as Record<string, unknown> | null) ?? null,
          pickupPoint: row.order.pickupPoint,
        }
      : null,
  };
}

/** POST /orders/{id}/ship: the carrier's tracking number, validated as in the portal. */
export const shipOrderBody = z.strictObject({ trackingNumber: shipOrderPartInput.shape.trackingNumber.describe("The carrier's tracking number, 3 to 64 characters") });

type ActionOptions = { requestId?: string | null };

// Each action is the portal's domain service with the key's shop as the access, answered with the
// order as it now is.
export async function confirmSellerOrder(sellerId: string, orderPartId: string): Promise<ApiOrderDetail> {
  await confirmOrderPart({ sellerId }, { orderPartId });
  return getSellerOrder(sellerId, orderPartId);
}

export async function packSellerOrder(sellerId: string, orderPartId: string, options: ActionOptions = {}): Promise<ApiOrderDetail> {
  await packOrderPart({ sellerId }, { orderPartId }, options);
  return getSellerOrder(sellerId, orderPartId);
}

export async function shipSellerOrder(sellerId: string, orderPartId: string, body: z.output<typeof shipOrderBody>, options: ActionOptions = {}): Promise<ApiOrderDetail> {
  await shipOrderPart({ sellerId }, { orderPartId, trackingNumber: body.trackingNumber }, options);
  return getSellerOrder(sellerId, orderPartId);
}

export async function deliverSellerOrder(sellerId: string, orderPartId: string, options: ActionOptions = {}): Promise<ApiOrderDetail> {
  await deliverOrderPart({ sellerId }, { orderPartId }, options);
  return getSellerOrder(sellerId, orderPartId);
}

/** POST /orders/{id}/cancel: why the shop cannot supply the parcel (kept with the refund). */
export const cancelOrderBody = z.strictObject({ reason: cancelOrderPartInput.shape.reason.describe("Why you are cancelling, 1 to 500 characters; kept with the refund, and shown to the shopper when this cancels their whole order") });

export async function cancelSellerOrder(sellerId: string, orderPartId: string, body: z.output<typeof cancelOrderBody>, options: ActionOptions = {}): Promise<ApiOrderDetail> {
  await cancelOrderPart({ sellerId }, { orderPartId, reason: body.reason }, options);
  return getSellerOrder(sellerId, orderPartId);
}
