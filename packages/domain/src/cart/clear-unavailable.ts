import { getPrisma, ProductStatus } from "@market/db";
import { findAndLockCart } from "./cart-owner.ts";
import { getCart, type CartView } from "./get-cart.ts";
import type { CartOwner } from "./schemas.ts";

/**
 * Removes the lines that cannot be bought today: items no longer sold (unpublished product,
 * switched-off variant) and sold-out ones. Lines with fewer units left than asked for stay:
 * the shopper may still want what is left. Answers with the cart as it is now.
 */
export async function clearUnavailableLines(owner: CartOwner | null): Promise<CartView> {
  const prisma = getPrisma();
  await prisma.$transaction(async (tx) => {
    const cart = await findAndLockCart(tx, owner);
    if (!cart) return;
    const { count } = await tx.cartLine.deleteMany({
      where: {
        cartId: cart.id,
        OR: [
          { variant: { isActive: false } },
          { variant: { product: { status: { not: ProductStatus.ACTIVE } } } },
          // Sold out: no warehouse holds an unreserved unit (the rule of availableUnits).
          { variant: { stock: { none: { onHand: { gt: prisma.stock.fields.reserved } } } } },
        ],
      },
    });
    if (count > 0) await tx.cart.update({ where: { id: cart.id }, data: { updatedAt: new Date() } });
  });
  return getCart(owner);
}
