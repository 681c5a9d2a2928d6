import { listOwnWarehouseParts, listOwnWarehousePartsInput, markDelivered, markPacked, markShipped, markShippedInput, orderPartIdInput } from "@market/domain/fulfilment";
import { cancelOrderPart, cancelOrderPartInput, confirmOrderPart, confirmOrderPartInput, getSellerOrderPart, listSellerOrderParts, listSellerOrderPartsInput, sellerOrderPartInput } from "@market/domain/seller-orders";
import { router, sellerProcedure } from "../trpc.ts";

/**
 * Parcels the seller ships from their own warehouse, and the steps they report on them; and
 * (list, get) all of the seller's orders from every warehouse.
 */
export const sellerOrdersRouter = router({
  toShip: sellerProcedure.input(listOwnWarehousePartsInput).query(({ ctx, input }) => listOwnWarehouseParts(ctx.user.id, input)),
  markPacked: sellerProcedure.input(orderPartIdInput).mutation(({ ctx, input }) => markPacked(ctx.user.id, input, { requestId: ctx.requestId })),
  markShipped: sellerProcedure.input(markShippedInput).mutation(({ ctx, input }) => markShipped(ctx.user.id, input, { requestId: ctx.requestId })),
  markDelivered: sellerProcedure.input(orderPartIdInput).mutation(({ ctx, input }) => markDelivered(ctx.user.id, input, { requestId: ctx.requestId })),
  list: sellerProcedure.input(listSellerOrderPartsInput).query(({ ctx, input }) => listSellerOrderParts(ctx.user.id, input)),
  get: sellerProcedure.input(sellerOrderPartInput).query(({ ctx, input }) => getSellerOrderPart(ctx.user.id, input)),
  // The seller-side status new -> confirmed; the same service as POST /orders/{id}/confirm.
  confirm: sellerProcedure.input(confirmOrderPartInput).mutation(({ ctx, input }) => confirmOrderPart({ userId: ctx.user.id }, input)),
  // One parcel the shop cannot supply, refunded; the same service as POST /orders/{id}/cancel.
  cancel: sellerProcedure.input(cancelOrderPartInput).mutation(({ ctx, input }) => cancelOrderPart({ userId: ctx.user.id }, input, { requestId: ctx.requestId })),
});
