// What a seller does with an order part, from the portal or the Seller API alike: confirm it
// (the seller-side status new -> confirmed, as on Wildberries), and for parts shipped from the
// shop's own warehouse report packed / shipped / delivered. The shipping steps go through the
// fulfilment state machine (moveOwnWarehousePart), so the shopper's order page, notifications and
// the seller-side status (complete on delivery) follow as for the marketplace's warehouse.
//
// Cancelling one parcel (with its partial refund) is cancelOrderPart in cancel-part.ts.
import { FulfilmentStatus, getPrisma, SellerOrderStatus, WarehouseKind, type Prisma } from "@market/db";
import { z } from "zod";
import { AppError } from "../errors.ts";
import { markShippedInput, moveOwnWarehousePart, type SellerAction } from "../fulfilment/seller-shipping.ts";
import { sellerOrderPartInput, type SellerOrderPartInput } from "./inputs.ts";
import { ORDER_NOT_FOUND, partScope } from "./scope.ts";

/**
 * Who acts: a portal user (optionally narrowed to one of their shops, `?shop=`) or an API key's
 * shop. Parts of other shops are NOT_FOUND, exactly like parts that do not exist.
 */
export type SellerOrderAccess = { userId: string; sellerId?: string } | { sellerId: string };

export type SellerOrderActionResult = { id: string; sellerStatus: SellerOrderStatus; status: FulfilmentStatus; trackingNumber: string | null };

type Options = { requestId?: string | null; now?: Date };

function scopeOf(access: SellerOrderAccess): Prisma.OrderPartWhereInput {
  return "userId" in access ? partScope({ userId: access.userId }, access.sellerId) : partScope({ sellerId: access.sellerId });
}

const resultSelect = { id: true, sellerStatus: true, status: true, trackingNumber: true } satisfies Prisma.OrderPartSelect;

export const confirmOrderPartInput = sellerOrderPartInput;
export const shipOrderPartInput = markShippedInput;
export type ShipOrderPartInput = z.input<typeof shipOrderPartInput>;

/** Why a part cannot be confirmed, in words for the seller; null if it can (or already is). */
export function confirmRefusal(part: { sellerStatus: SellerOrderStatus; status: FulfilmentStatus }): string | null {
  if (part.sellerStatus === SellerOrderStatus.CANCELLED || part.status === FulfilmentStatus.CANCELLED) return "This order was cancelled, so there is nothing to confirm.";
  if (part.status === FulfilmentStatus.RETURNED) return "This parcel has been returned.";
  if (part.status === FulfilmentStatus.AWAITING_PAYMENT) return "This order has not been paid yet.";
  return null;
}

/**
 * NEW -> CONFIRMED: the seller has seen the order and will fulfil it. Confirming a confirmed (or
 * already complete) part changes nothing, so a retried request is harmless; a cancelled one is a
 * CONFLICT.
 */
export async function confirmOrderPart(access: SellerOrderAccess, input: SellerOrderPartInput): Promise<SellerOrderActionResult> {
  const { orderPartId } = confirmOrderPartInput.parse(input);
  return getPrisma().$transaction(async (tx) => {
    const own = await tx.orderPart.findFirst({ where: { AND: [{ id: orderPartId }, scopeOf(access)] }, select: { id: true } });
    if (!own) throw new AppError("NOT_FOUND", ORDER_NOT_FOUND);
    // Locked, so a warehouse report or a cancellation racing this is applied before or after it.
    const [part] = await tx.$queryRaw<{ sellerStatus: SellerOrderStatus; status: FulfilmentStatus }[]>`
      SELECT "sellerStatus", status FROM "OrderPart" WHERE id = ${orderPartId}::uuid FOR UPDATE`;
    const refusal = confirmRefusal(part!);
    if (refusal) throw new AppError("CONFLICT", refusal);
    if (part!.sellerStatus === SellerOrderStatus.NEW) {
      await tx.orderPart.update({ where: { id: orderPartId }, data: { sellerStatus: SellerOrderStatus.CONFIRMED } });
    }
    return tx.orderPart.findUniqueOrThrow({ where: { id: orderPartId }, select: resultSelect });
  });
}

/** A shipping step on a part of the caller's shop(s); only parts from the shop's own warehouse. */
async function moveOwn(access: SellerOrderAccess, orderPartId: string, target: SellerAction, options: Options & { trackingNumber?: string }): Promise<SellerOrderActionResult> {
  const part = await getPrisma().orderPart.findFirst({ where: { AND: [{ id: orderPartId }, scopeOf(access)] }, select: { id: true, sellerId: true, warehouse: { select: { kind: true } } } });
  if (!part) throw new AppError("NOT_FOUND", ORDER_NOT_FOUND);
  if (part.warehouse?.kind !== WarehouseKind.SELLER) {
    throw new AppError("CONFLICT", "This order ships from the marketplace's warehouse, which reports its progress itself.");
  }
  await moveOwnWarehousePart({ sellerId: part.sellerId, ...scopeOf(access) }, orderPartId, target, options);
  return getPrisma().orderPart.findUniqueOrThrow({ where: { id: orderPartId }, select: resultSelect });
}

export async function packOrderPart(access: SellerOrderAccess, input: SellerOrderPartInput, options: Options = {}) {
  const { orderPartId } = sellerOrderPartInput.parse(input);
  return moveOwn(access, orderPartId, FulfilmentStatus.PACKED, options);
}

export async function shipOrderPart(access: SellerOrderAccess, input: ShipOrderPartInput, options: Options = {}) {
  const { orderPartId, trackingNumber } = shipOrderPartInput.parse(input);
  return moveOwn(access, orderPartId, FulfilmentStatus.SHIPPED, { ...options, trackingNumber });
}

export async function deliverOrderPart(access: SellerOrderAccess, input: SellerOrderPartInput, options: Options = {}) {
  const { orderPartId } = sellerOrderPartInput.parse(input);
  return moveOwn(access, orderPartId, FulfilmentStatus.DELIVERED, options);
}
