import { getPrisma, ProductStatus } from "@market/db";
import { availableUnits } from "../catalog/stock.ts";
import { AppError } from "../errors.ts";
import { cartKey, lockCart } from "./cart-owner.ts";
import { addToCartInput, MAX_LINE_QUANTITY, type AddToCartInput, type CartOwner } from "./schemas.ts";

export type AddedToCart = { variantId: string; quantity: number; itemCount: number };

/**
 * Puts units of a variant in the owner's cart (creating the cart on first use). The price comes
 * from the catalogue, never from the client; the quantity, together with what the cart already
 * holds, must stay within 1..99 and within what is available. The cart row is locked for the
 * check, so two adds at once cannot both slip past the limits.
 */
export async function addToCart(owner: CartOwner, input: AddToCartInput): Promise<AddedToCart> {
  const { variantId, quantity } = addToCartInput.parse(input);
  const key = cartKey(owner);
  return getPrisma().$transaction(async (tx) => {
    const variant = await tx.productVariant.findUnique({
      where: { id: variantId },
      select: { isActive: true, priceMinor: true, product: { select: { status: true } }, stock: { select: { onHand: true, reserved: true } } },
    });
    if (!variant || !variant.isActive || variant.product.status !== ProductStatus.ACTIVE) {
      throw new AppError("NOT_FOUND", "This item is no longer sold, so it cannot be added to the cart.", { fields: { variantId: "No longer sold" } });
    }
    const available = availableUnits(variant.stock);
    if (available === 0) {
      throw new AppError("CONFLICT", "This item is sold out. Choose another size or colour.", { fields: { variantId: "Sold out" } });
    }

    const cart = await tx.cart.upsert({ where: key, create: key, update: {}, select: { id: true } });
    await lockCart(tx, cart.id);
    const existing = await tx.cartLine.findUnique({ where: { cartId_variantId: { cartId: cart.id, variantId } }, select: { quantity: true } });
    const inCart = existing?.quantity ?? 0;
    const total = inCart + quantity;
    if (total > MAX_LINE_QUANTITY) {
      throw new AppError("BAD_REQUEST", `You can have at most ${MAX_LINE_QUANTITY} of one item in the cart; it already holds ${inCart}.`, {
        fields: { quantity: `At most ${MAX_LINE_QUANTITY - inCart} more` },
      });
    }
    if (total > available) {
      throw new AppError(
        "CONFLICT",
        inCart > 0 ? `Only ${available} left, and your cart already holds ${inCart}.` : `Only ${available} left. Choose a smaller quantity.`,
        { fields: { quantity: `At most ${Math.max(0, available - inCart)} more` } },
      );
    }
    await tx.cartLine.upsert({
      where: { cartId_variantId: { cartId: cart.id, variantId } },
      create: { cartId: cart.id, variantId, quantity: total, priceSeenMinor: variant.priceMinor },
      update: { quantity: total, priceSeenMinor: variant.priceMinor },
    });
    await tx.cart.update({ where: { id: cart.id }, data: { updatedAt: new Date() } });
    const sum = await tx.cartLine.aggregate({ where: { cartId: cart.id }, _sum: { quantity: true } });
    return { variantId, quantity: total, itemCount: sum._sum.quantity ?? 0 };
  });
}
