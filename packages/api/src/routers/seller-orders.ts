import { listOwnWarehouseParts, listOwnWarehousePartsInput, markDelivered, markPacked, markShipped, markShippedInput, orderPartIdInput } from "@market/domain/fulfilment";
import { router, sellerProcedure } from "../trpc.ts";

/** Parcels the seller ships from their own warehouse, and the steps they report on them. */
export const sellerOrdersRouter = router({
  toShip: sellerProcedure.input(listOwnWarehousePartsInput).query(({ ctx, input }) => listOwnWarehouseParts(ctx.user.id, input)),
  markPacked: sellerProcedure.input(orderPartIdInput).mutation(({ ctx, input }) => markPacked(ctx.user.id, input, { requestId: ctx.requestId })),
  markShipped: sellerProcedure.input(markShippedInput).mutation(({ ctx, input }) => markShipped(ctx.user.id, input, { requestId: ctx.requestId })),
  markDelivered: sellerProcedure.input(orderPartIdInput).mutation(({ ctx, input }) => markDelivered(ctx.user.id, input, { requestId: ctx.requestId })),
});
