import { getOrder, listOrders, listOrdersInput, orderNumberInput } from "@market/domain/orders";
import { router, signedInProcedure } from "../trpc.ts";

export const ordersRouter = router({
  list: signedInProcedure.input(listOrdersInput).query(({ ctx, input }) => listOrders(ctx.user.id, input)),
  get: signedInProcedure.input(orderNumberInput).query(({ ctx, input }) => getOrder(ctx.user.id, input)),
});
