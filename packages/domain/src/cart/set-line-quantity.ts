import { getPrisma, ProductStatus } from "@market/db";
import { availableUnits } from "../catalog/stock.ts";
import { AppError } from "../errors.ts";
import { findAndLockCart, lineNotInCart } from "./cart-owner.ts";
import { getCart, type CartView } from "./get-cart.ts";
import { setCartLineQuantityInput, type CartOwner, type SetCartLineQuantityInput } from "./schemas.ts";

/**
 * Sets how many of a line's item the owner's cart holds; 0 removes the line. An increase must
 * stay within what is available today; a decrease is always allowed, so a shopper whose line
 * now exceeds the stock can bring it down step by step. Answers with the cart as it is now.
 */
export async function setCartLineQuantity(owner: CartOwner | null, input: SetCartLineQuantityInput): Promise<CartView> {
  const { lineId, quantity } = setCartLineQuantityInput.parse(input);
  await getPrisma().$transaction(async (tx) => {
    const cart = await findAndLockCart(tx, owner);
    if (!cart) throw lineNotInCart();
    const line = await tx.cartLine.findFirst({
      where: { id: lineId, cartId: cart.id },
      select: {
        id: true,
        quantity: true,
        variant: { select: { isActive: true, product: { select: { status: true } }, stock: { select: { onHand: true, reserved: true } } } },
      },
    });
    if (!line) throw lineNotInCart();
    if (quantity === 0) {
      await tx.cartLine.delete({ where: { id: line.id } });
    } else if (quantity !== line.quantity) {
      if (quantity > line.quantity) {
        const { variant } = line;
        if (!variant.isActive || variant.product.status !== ProductStatus.ACTIVE) {
          throw new AppError("CONFLICT", "This item is no longer sold, so you cannot add more of it.", { fields: { quantity: "No longer sold" } });
        }
        const available = availableUnits(variant.stock);
        if (available === 0) {
          throw new AppError("CONFLICT", "This item is sold out, so you cannot add more of it.", { fields: { quantity: "Sold out" } });
        }
        if (quantity > available) {
          throw new AppError("CONFLICT", `Only ${available} left. Choose a smaller quantity.`, { fields: { quantity: `At most ${available}` } });
        }
      }
      await tx.cartLine.update({ where: { id: line.id }, data: { quantity } });
    }
    await tx.cart.update({ where: { id: cart.id }, data: { updatedAt: new Date() } });
  });
  return getCart(owner);
}
