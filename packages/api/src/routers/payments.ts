// The pay page's procedures. Shoppers see their own orders only; amounts come from the order.
import { getPaymentPage, getPaymentProgress, orderNumberInput } from "@market/domain/payments";
import { router, signedInProcedure } from "../trpc.ts";

export const paymentsRouter = router({
  /**
   * The order and, while it awaits payment, its payment session (started on first call; the
   * same PaymentIntent on every later one).
   */
  session: signedInProcedure.input(orderNumberInput).query(({ ctx, input }) => getPaymentPage(ctx.user.id, input.number)),
  /** Polled by the pay page while a payment is on its way. */
  status: signedInProcedure.input(orderNumberInput).query(({ ctx, input }) => getPaymentProgress(ctx.user.id, input.number)),
});
