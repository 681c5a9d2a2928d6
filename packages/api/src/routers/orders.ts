import { getOrder, listOrders, listOrdersInput, orderNumberInput } from "@market/domain/orders";
import { cancelOrder, cancelOrderInput } from "@market/domain/fulfilment";
import { router, signedInProcedure } from "../trpc.ts";

export const ordersRouter = router({
  list: signedInProcedure.input(listOrdersInput).query(({ ctx, input }) => listOrders(ctx.user.id, input)),
  get: signedInProcedure.input(orderNumberInput).query(({ ctx, input }) => getOrder(ctx.user.id, input)),
  /** Unpaid, or paid with nothing shipped yet; answers the cancelled order (again, if already cancelled). */
  cancel: signedInProcedure.input(cancelOrderInput).mutation(({ ctx, input }) => cancelOrder(ctx.user.id, input, { requestId: ctx.requestId })),
});
