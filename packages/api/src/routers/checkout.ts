import { mergeGuestCart } from "@market/domain/cart";
import { checkoutPreviewInput, placeOrderInput, placeOrder, previewCheckout } from "@market/domain/checkout";
import { metrics } from "@market/observability/metrics";
import { COOKIES, type ApiContext } from "../context.ts";
import { router, signedInProcedure } from "../trpc.ts";

/** A guest cart still in a cookie joins the shopper's cart before checkout reads it. */
async function adoptGuestCart(ctx: ApiContext & { user: { id: string } }) {
  if (!ctx.guestCartToken) return;
  await mergeGuestCart({ userId: ctx.user.id, guestToken: ctx.guestCartToken });
  ctx.setCookie(COOKIES.guestCart, "", { maxAgeSeconds: 0 });
}

export const checkoutRouter = router({
  preview: signedInProcedure.input(checkoutPreviewInput).query(async ({ ctx, input }) => {
    await adoptGuestCart(ctx);
    return previewCheckout(ctx.user.id, input);
  }),
  /** Places the cart as an order; the pay page then starts the payment for it. */
  placeOrder: signedInProcedure.input(placeOrderInput).mutation(async ({ ctx, input }) => {
    await adoptGuestCart(ctx);
    const placed = await placeOrder(ctx.user.id, input, { requestId: ctx.requestId });
    // A repeated press of "Place order" (same idempotency key) returns the same order: not counted again.
    if (placed.created) metrics().ordersPlaced.inc();
    return { number: placed.number, created: placed.created, totalMinor: placed.totalMinor, currency: placed.currency };
  }),
});
