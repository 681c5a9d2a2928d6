// Shipping from the seller's own warehouse (WarehouseKind.SELLER): no warehouse system reports
// on these parts, so the seller does, from the portal. Each action goes through the fulfilment
// state machine with source SELLER, so the shopper's order page and notifications follow exactly
// as they do for the marketplace warehouse. A seller only ever sees and moves parts of shops
// they are a member of; anything else is NOT_FOUND, like a part that does not exist.
import { FulfilmentEventSource, FulfilmentStatus, getPrisma, Prisma, WarehouseKind, type DeliveryMethod } from "@market/db";
import { z } from "zod";
import { AppError } from "../errors.ts";
import { canMove, lockedPartsQuery, writeFulfilmentUpdate, type LockedPart } from "./apply-fulfilment-update.ts";
import { PAID_PART_PROGRESS, progressOf } from "./progress.ts";

/** The statuses of a paid part the seller may still have work on, in the order they come. */
export const SELLER_SHIPPING_STATUSES = PAID_PART_PROGRESS;

export const listOwnWarehousePartsInput = z.object({
  status: z.enum(SELLER_SHIPPING_STATUSES).optional(),
  limit: z.number().int().min(1).max(200).default(100),
});
export type ListOwnWarehousePartsInput = z.input<typeof listOwnWarehousePartsInput>;

export const orderPartIdInput = z.object({ orderPartId: z.uuid("Unknown order") });
export type OrderPartIdInput = z.input<typeof orderPartIdInput>;

export const markShippedInput = orderPartIdInput.extend({
  trackingNumber: z
    .string()
    .trim()
    .min(3, "Enter the tracking number (at least 3 characters)")
    .max(64, "A tracking number has at most 64 characters")
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._/-]*$/, "Use letters, digits, spaces, dots, dashes and slashes only"),
});
export type MarkShippedInput = z.input<typeof markShippedInput>;

export type OwnWarehousePart = {
  id: string;
  status: FulfilmentStatus;
  trackingNumber: string | null;
  seller: { id: string; name: string };
  warehouse: { id: string; name: string; code: string };
  order: { number: string; paidAt: Date | null; createdAt: Date };
  delivery: {
    method: DeliveryMethod;
    pickupPoint: { name: string; city: string; address: string } | null;
    address: Record<string, string> | null;
  };
  recipient: { name: string; phone: string };
  lines: { id: string; sku: string; title: string; size: string | null; color: string | null; quantity: number; shelfLocation: string | null }[];
};

/** Parts of shops the user belongs to, shipped from one of those shops' own warehouses. */
const ownPartWhere = (sellerUserId: string): Prisma.OrderPartWhereInput => ({
  seller: { members: { some: { userId: sellerUserId } } },
  warehouse: { kind: WarehouseKind.SELLER },
});

/** Paid parts the seller ships themselves, oldest payment first (the order to work in). */
export async function listOwnWarehouseParts(sellerUserId: string, input: ListOwnWarehousePartsInput = {}): Promise<OwnWarehousePart[]> {
  const { status, limit } = listOwnWarehousePartsInput.parse(input);
  const prisma = getPrisma();
  const parts = await prisma.orderPart.findMany({
    where: { ...ownPartWhere(sellerUserId), status: status ?? { in: [...SELLER_SHIPPING_STATUSES] } },
    orderBy: [{ order: { paidAt: "asc" } }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      status: true,
      trackingNumber: true,
      warehouseId: true,
      seller: { select: { id: true, name: true } },
      warehouse: { select: { id: true, name: true, code: true } },
      order: {
        select: {
          number: true,
          paidAt: true,
          createdAt: true,
          deliveryMethod: true,
          deliveryAddress: true,
          contactName: true,
          contactPhone: true,
          pickupPoint: { select: { name: true, city: true, address: true } },
        },
      },
      lines: { orderBy: { sku: "asc" }, select: { id: true, variantId: true, sku: true, title: true, size: true, color: true, quantity: true } },
    },
  });
  if (parts.length === 0) return [];
  const stock = await prisma.stock.findMany({
    where: { OR: parts.map((part) => ({ warehouseId: part.warehouseId!, variantId: { in: part.lines.map((line) => line.variantId) } })) },
    select: { variantId: true, warehouseId: true, shelfLocation: true },
  });
  const shelf = new Map(stock.map((row) => [`${row.warehouseId}|${row.variantId}`, row.shelfLocation]));
  return parts.map((part) => ({
    id: part.id,
    status: part.status,
    trackingNumber: part.trackingNumber,
    seller: part.seller,
    warehouse: part.warehouse!,
    order: { number: part.order.number, paidAt: part.order.paidAt, createdAt: part.order.createdAt },
    delivery: {
      method: part.order.deliveryMethod,
      pickupPoint: part.order.pickupPoint,
      address: (part.order.deliveryAddress as Record<string, string> | null) ?? null,
    },
    recipient: { name: part.order.contactName, phone: part.order.contactPhone },
    lines: part.lines.map((line) => ({
      id: line.id,
      sku: line.sku,
      title: line.title,
      size: line.size,
      color: line.color,
      quantity: line.quantity,
      shelfLocation: shelf.get(`${part.warehouseId}|${line.variantId}`) ?? null,
    })),
  }));
}

export type SellerAction = Extract<FulfilmentStatus, "PACKED" | "SHIPPED" | "DELIVERED">;

/** Why a part at `current` cannot be marked `target`, in words for the seller; null if it can. */
export function sellerMoveRefusal(current: FulfilmentStatus, target: SellerAction): string | null {
  if (current === FulfilmentStatus.AWAITING_PAYMENT) return "This order has not been paid yet.";
  if (current === FulfilmentStatus.CANCELLED) return "This order was cancelled, so there is nothing to send.";
  if (current === FulfilmentStatus.RETURNED) return "This parcel has been returned.";
  if (target === FulfilmentStatus.DELIVERED && progressOf(current) < progressOf(FulfilmentStatus.SHIPPED)) {
    return "Mark the parcel shipped before marking it delivered.";
  }
  if (!canMove(current, target)) {
    // Said as where the parcel is now, which is what the seller needs to know.
    const now: Partial<Record<FulfilmentStatus, string>> = {
      PACKED: "This parcel has already been packed.",
      SHIPPED: "This parcel has already been shipped.",
      READY_FOR_PICKUP: "This parcel is already waiting at the pickup point.",
      DELIVERED: "This parcel has already been delivered.",
    };
    return now[current] ?? "This parcel cannot be moved to that status.";
  }
  return null;
}

type MoveOptions = { trackingNumber?: string | null; requestId?: string | null; now?: Date };

const markOwnPart = (sellerUserId: string, orderPartId: string, target: SellerAction, options: MoveOptions) =>
  moveOwnWarehousePart(ownPartWhere(sellerUserId), orderPartId, target, options);

/**
 * The one place a seller moves a part they ship themselves. `scope` says whose parts the caller
 * may move (a portal user's shops, or an API key's shop); a part outside it is NOT_FOUND.
 */
export async function moveOwnWarehousePart(scope: Prisma.OrderPartWhereInput, orderPartId: string, target: SellerAction, { trackingNumber = null, requestId = null, now = new Date() }: MoveOptions = {}) {
  return getPrisma().$transaction(async (tx) => {
    const own = await tx.orderPart.findFirst({ where: { AND: [{ id: orderPartId }, scope, { warehouse: { kind: WarehouseKind.SELLER } }] }, select: { id: true } });
    if (!own) throw new AppError("NOT_FOUND", "We could not find this order in your shops.");
    // Locked before checking, so two clicks (or two staff members) apply one after the other.
    const [part] = await tx.$queryRaw<LockedPart[]>(lockedPartsQuery(Prisma.sql`${orderPartId}::uuid`));
    const refusal = sellerMoveRefusal(part!.status, target);
    if (refusal) throw new AppError("CONFLICT", refusal);
    await writeFulfilmentUpdate(tx, part!, { status: target, occurredAt: now, source: FulfilmentEventSource.SELLER, trackingNumber, requestId });
    return tx.orderPart.findUniqueOrThrow({ where: { id: orderPartId }, select: { id: true, status: true, trackingNumber: true } });
  });
}

type Options = { requestId?: string | null; now?: Date };

export async function markPacked(sellerUserId: string, input: OrderPartIdInput, options: Options = {}) {
  const { orderPartId } = orderPartIdInput.parse(input);
  return markOwnPart(sellerUserId, orderPartId, FulfilmentStatus.PACKED, options);
}

export async function markShipped(sellerUserId: string, input: MarkShippedInput, options: Options = {}) {
  const { orderPartId, trackingNumber } = markShippedInput.parse(input);
  return markOwnPart(sellerUserId, orderPartId, FulfilmentStatus.SHIPPED, { ...options, trackingNumber });
}

export async function markDelivered(sellerUserId: string, input: OrderPartIdInput, options: Options = {}) {
  const { orderPartId } = orderPartIdInput.parse(input);
  return markOwnPart(sellerUserId, orderPartId, FulfilmentStatus.DELIVERED, options);
}
