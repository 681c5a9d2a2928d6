// One of the seller's order parts: what to pick, how it travels, and what has happened to it.
import { getPrisma, WarehouseKind, type Currency, type DeliveryMethod, type FulfilmentEventSource, type FulfilmentStatus, type OrderStatus, type SellerOrderStatus } from "@market/db";
import { AppError } from "../errors.ts";
import { sellerOrderPartInput, type SellerOrderPartInput } from "./inputs.ts";
import { ORDER_NOT_FOUND, partScope, type SellerAccess } from "./scope.ts";

export type SellerOrderPartDetail = {
  id: string;
  createdAt: Date;
  shop: { id: string; name: string };
  order: { number: string; status: OrderStatus; paidAt: Date | null };
  subtotalMinor: number;
  currency: Currency;
  sellerStatus: SellerOrderStatus;
  status: FulfilmentStatus;
  trackingNumber: string | null;
  warehouse: { name: string; code: string; city: string } | null;
  ownWarehouse: boolean;
  delivery: {
    method: DeliveryMethod;
    pickupPoint: { name: string; city: string; address: string } | null;
    /** Only for parts the seller ships themselves: the marketplace's warehouse needs it, the seller does not. */
    address: Record<string, string> | null;
  };
  lines: { id: string; sku: string; title: string; size: string | null; color: string | null; quantity: number; unitPriceMinor: number; lineTotalMinor: number; shelfLocation: string | null }[];
  timeline: { id: string; status: FulfilmentStatus; source: FulfilmentEventSource; trackingNumber: string | null; occurredAt: Date }[];
};

export async function getOrderPart(access: SellerAccess, input: SellerOrderPartInput): Promise<SellerOrderPartDetail> {
  const { orderPartId } = sellerOrderPartInput.parse(input);
  const prisma = getPrisma();
  const part = await prisma.orderPart.findFirst({
    where: { id: orderPartId, ...partScope(access) },
    select: {
      id: true,
      createdAt: true,
      subtotalMinor: true,
      currency: true,
      sellerStatus: true,
      status: true,
      trackingNumber: true,
      warehouseId: true,
      seller: { select: { id: true, name: true } },
      warehouse: { select: { name: true, code: true, city: true, kind: true } },
      order: { select: { number: true, status: true, paidAt: true, deliveryMethod: true, deliveryAddress: true, pickupPoint: { select: { name: true, city: true, address: true } } } },
      lines: { orderBy: { sku: "asc" }, select: { id: true, variantId: true, sku: true, title: true, size: true, color: true, quantity: true, unitPriceMinor: true, lineTotalMinor: true } },
      // Only applied reports: a late or duplicate one never changed the part, so it is not history.
      events: { where: { applied: true }, orderBy: [{ occurredAt: "asc" }, { receivedAt: "asc" }], select: { id: true, status: true, source: true, trackingNumber: true, occurredAt: true } },
    },
  });
  if (!part) throw new AppError("NOT_FOUND", ORDER_NOT_FOUND);
  const shelves = part.warehouseId
    ? await prisma.stock.findMany({ where: { warehouseId: part.warehouseId, variantId: { in: part.lines.map((l) => l.variantId) } }, select: { variantId: true, shelfLocation: true } })
    : [];
  const shelfOf = new Map(shelves.map((s) => [s.variantId, s.shelfLocation]));
  const own = part.warehouse?.kind === WarehouseKind.SELLER;
  return {
    id: part.id,
    createdAt: part.createdAt,
    shop: part.seller,
    order: { number: part.order.number, status: part.order.status, paidAt: part.order.paidAt },
    subtotalMinor: part.subtotalMinor,
    currency: part.currency,
    sellerStatus: part.sellerStatus,
    status: part.status,
    trackingNumber: part.trackingNumber,
    warehouse: part.warehouse ? { name: part.warehouse.name, code: part.warehouse.code, city: part.warehouse.city } : null,
    ownWarehouse: own,
    delivery: {
      method: part.order.deliveryMethod,
      pickupPoint: part.order.pickupPoint,
      address: own ? ((part.order.deliveryAddress as Record<string, string> | null) ?? null) : null,
    },
    lines: part.lines.map(({ variantId, ...line }) => ({ ...line, shelfLocation: shelfOf.get(variantId) ?? null })),
    timeline: part.events,
  };
}

/** The portal: a part of one of the shops the user is a member of. */
export const getSellerOrderPart = (userId: string, input: SellerOrderPartInput) => getOrderPart({ userId }, input);
