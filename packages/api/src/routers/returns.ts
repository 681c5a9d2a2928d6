import {
  acceptReturn,
  getOrderReturns,
  listMyReturns,
  listMyReturnsInput,
  listSellerReturns,
  listSellerReturnsInput,
  orderReturnsInput,
  rejectReturn,
  rejectReturnInput,
  requestReturn,
  requestReturnInput,
  returnIdInput,
} from "@market/domain/returns";
import { router, sellerProcedure, signedInProcedure } from "../trpc.ts";

/** Shoppers ask to return delivered items; sellers decide on returns of their own parcels. */
export const returnsRouter = router({
  request: signedInProcedure.input(requestReturnInput).mutation(({ ctx, input }) => requestReturn(ctx.user.id, input)),
  mine: signedInProcedure.input(listMyReturnsInput).query(({ ctx, input }) => listMyReturns(ctx.user.id, input)),
  /** Per line of one of the shopper's orders: its returns and how many can still be returned. */
  forOrder: signedInProcedure.input(orderReturnsInput).query(({ ctx, input }) => getOrderReturns(ctx.user.id, input)),
  sellerList: sellerProcedure.input(listSellerReturnsInput).query(({ ctx, input }) => listSellerReturns(ctx.user.id, input)),
  accept: sellerProcedure.input(returnIdInput).mutation(({ ctx, input }) => acceptReturn(ctx.user.id, input, { requestId: ctx.requestId })),
  reject: sellerProcedure.input(rejectReturnInput).mutation(({ ctx, input }) => rejectReturn(ctx.user.id, input)),
});
