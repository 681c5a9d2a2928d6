import { addToCart, addToCartInput, getCart, getCartSummary, isGuestCartToken, mergeGuestCart, newGuestCartToken, type CartOwner } from "@market/domain/cart";
import { COOKIES, type ApiContext } from "../context.ts";
import { publicProcedure, router } from "../trpc.ts";

const GUEST_CART_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * Whose cart this request means. A signed-in shopper who still carries a guest cart cookie
 * gets the guest cart's lines moved into their own cart first, and the cookie is cleared.
 */
async function cartOwner(ctx: ApiContext): Promise<CartOwner | null> {
  if (ctx.user) {
    if (ctx.guestCartToken) {
      await mergeGuestCart({ userId: ctx.user.id, guestToken: ctx.guestCartToken });
      ctx.setCookie(COOKIES.guestCart, "", { maxAgeSeconds: 0 });
    }
    return { userId: ctx.user.id };
  }
  return isGuestCartToken(ctx.guestCartToken) ? { guestToken: ctx.guestCartToken } : null;
}

export const cartRouter = router({
  summary: publicProcedure.query(async ({ ctx }) => getCartSummary(await cartOwner(ctx))),
  get: publicProcedure.query(async ({ ctx }) => getCart(await cartOwner(ctx))),
  add: publicProcedure.input(addToCartInput).mutation(async ({ ctx, input }) => {
    let owner = await cartOwner(ctx);
    if (!owner) {
      owner = { guestToken: newGuestCartToken() };
      ctx.setCookie(COOKIES.guestCart, owner.guestToken, { maxAgeSeconds: GUEST_CART_MAX_AGE_SECONDS });
    }
    return addToCart(owner, input);
  }),
});
