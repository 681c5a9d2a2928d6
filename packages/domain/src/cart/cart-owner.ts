import type { Prisma } from "@market/db";
import { AppError } from "../errors.ts";
import { isGuestCartToken } from "./guest-token.ts";
import type { CartOwner } from "./schemas.ts";

/** The unique key of the owner's cart, for where clauses and upserts. */
export function cartKey(owner: CartOwner): { userId: string } | { guestToken: string } {
  if ("userId" in owner) return { userId: owner.userId };
  if (!isGuestCartToken(owner.guestToken)) throw new AppError("BAD_REQUEST", "Your cart could not be found. Please reload the page.");
  return { guestToken: owner.guestToken };
}

/**
 * Row-locks the cart for the rest of the transaction, so changes to one cart happen one after
 * another (two tabs, a replay racing a click) and limits are checked against settled numbers.
 */
export async function lockCart(tx: Prisma.TransactionClient, cartId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Cart" WHERE "id" = ${cartId}::uuid FOR UPDATE`;
}

/** The owner's cart, locked; null when there is no owner or no cart yet. */
export async function findAndLockCart(tx: Prisma.TransactionClient, owner: CartOwner | null): Promise<{ id: string } | null> {
  if (!owner) return null;
  const cart = await tx.cart.findUnique({ where: cartKey(owner), select: { id: true } });
  if (cart) await lockCart(tx, cart.id);
  return cart;
}

/** Lines are looked up in the owner's cart only: anyone else's line id is simply not there. */
export const lineNotInCart = () =>
  new AppError("NOT_FOUND", "This item is no longer in your cart. Reload the page to see your cart as it is now.", {
    fields: { lineId: "Not in your cart" },
  });
