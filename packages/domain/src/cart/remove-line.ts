import { getPrisma } from "@market/db";
import { findAndLockCart, lineNotInCart } from "./cart-owner.ts";
import { getCart, type CartView } from "./get-cart.ts";
import { removeCartLineInput, type CartOwner, type RemoveCartLineInput } from "./schemas.ts";

/** Takes a line out of the owner's cart. Answers with the cart as it is now. */
export async function removeCartLine(owner: CartOwner | null, input: RemoveCartLineInput): Promise<CartView> {
  const { lineId } = removeCartLineInput.parse(input);
  await getPrisma().$transaction(async (tx) => {
    const cart = await findAndLockCart(tx, owner);
    if (!cart) throw lineNotInCart();
    const { count } = await tx.cartLine.deleteMany({ where: { id: lineId, cartId: cart.id } });
    if (count === 0) throw lineNotInCart();
    await tx.cart.update({ where: { id: cart.id }, data: { updatedAt: new Date() } });
  });
  return getCart(owner);
}
