import {
  addToCart,
  addToCartInput,
  clearUnavailableLines,
  getCart,
  getCartSummary,
  isGuestCartToken,
  mergeGuestCart,
  newGuestCartToken,
  removeCartLine,
  removeCartLineInput,
  setCartLineQuantity,
  setCartLineQuantityInput,
  syncCart,
  syncCartInput,
  type CartOwner,
} from "@market/domain/cart";
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

/** The owner, or a new guest cart token (and its cookie) for a guest's first item. */
async function cartOwnerOrNewGuest(ctx: ApiContext): Promise<CartOwner> {
  const owner = await cartOwner(ctx);
  if (owner) return owner;
  const guestToken = newGuestCartToken();
  ctx.setCookie(COOKIES.guestCart, guestToken, { maxAgeSeconds: GUEST_CART_MAX_AGE_SECONDS });
  return { guestToken };
}

// Every change answers with the cart as it is now (catalogue prices, availability, totals), so
// the page shows the server's numbers and never computes a price of its own.
export const cartRouter = router({
  summary: publicProcedure.query(async ({ ctx }) => getCartSummary(await cartOwner(ctx))),
  get: publicProcedure.query(async ({ ctx }) => getCart(await cartOwner(ctx))),
  add: publicProcedure.input(addToCartInput).mutation(async ({ ctx, input }) => addToCart(await cartOwnerOrNewGuest(ctx), input)),
  /** quantity 0 removes the line; a line id from anyone else's cart is NOT_FOUND. */
  setQuantity: publicProcedure.input(setCartLineQuantityInput).mutation(async ({ ctx, input }) => setCartLineQuantity(await cartOwner(ctx), input)),
  remove: publicProcedure.input(removeCartLineInput).mutation(async ({ ctx, input }) => removeCartLine(await cartOwner(ctx), input)),
  clearUnavailable: publicProcedure.mutation(async ({ ctx }) => clearUnavailableLines(await cartOwner(ctx))),
  /** Replays the changes a device kept while the database was down ("holds N of variant V"). */
  sync: publicProcedure.input(syncCartInput).mutation(async ({ ctx, input }) => {
    const owner = input.operations.some((op) => op.quantity > 0) ? await cartOwnerOrNewGuest(ctx) : await cartOwner(ctx);
    if (!owner) return { results: input.operations.map((op) => ({ ...op, outcome: "applied" as const })), cart: await getCart(null) };
    return syncCart(owner, input);
  }),
});
