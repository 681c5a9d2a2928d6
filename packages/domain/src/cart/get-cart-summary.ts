import { getPrisma } from "@market/db";
import { cartKey } from "./cart-owner.ts";
import type { CartOwner } from "./schemas.ts";

export type CartSummary = { itemCount: number };

/** How many units the owner's cart holds, for the header badge. No cart yet is an empty cart. */
export async function getCartSummary(owner: CartOwner | null): Promise<CartSummary> {
  if (!owner) return { itemCount: 0 };
  const sum = await getPrisma().cartLine.aggregate({ where: { cart: cartKey(owner) }, _sum: { quantity: true } });
  return { itemCount: sum._sum.quantity ?? 0 };
}
