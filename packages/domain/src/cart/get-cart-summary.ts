import { getPrisma } from "@market/db";
import { cartKey } from "./cart-owner.ts";
import type { CartOwner } from "./schemas.ts";

export type CartSummary = {
  itemCount: number;
  /** How many of each variant the cart holds: the base a device adds to while offline. */
  lines: { variantId: string; quantity: number }[];
};

/** How many units the owner's cart holds, for the header badge. No cart yet is an empty cart. */
export async function getCartSummary(owner: CartOwner | null): Promise<CartSummary> {
  if (!owner) return { itemCount: 0, lines: [] };
  const lines = await getPrisma().cartLine.findMany({
    where: { cart: cartKey(owner) },
    select: { variantId: true, quantity: true },
    orderBy: { addedAt: "asc" },
  });
  return { itemCount: lines.reduce((sum, line) => sum + line.quantity, 0), lines };
}
