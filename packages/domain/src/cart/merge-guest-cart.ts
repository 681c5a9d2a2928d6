import { getPrisma } from "@market/db";
import { isGuestCartToken } from "./guest-token.ts";
import { MAX_LINE_QUANTITY } from "./schemas.ts";

/**
 * After sign-in, moves what the shopper put in the cart as a guest into their account's cart
 * (quantities of the same variant add up, to at most 99) and deletes the guest cart.
 * Returns how many lines were moved; nothing happens for an unknown token.
 */
export async function mergeGuestCart({ userId, guestToken }: { userId: string; guestToken: string }): Promise<{ moved: number }> {
  if (!isGuestCartToken(guestToken)) return { moved: 0 };
  return getPrisma().$transaction(async (tx) => {
    const guest = await tx.cart.findUnique({
      where: { guestToken },
      select: { id: true, lines: { select: { variantId: true, quantity: true, priceSeenMinor: true } } },
    });
    if (!guest) return { moved: 0 };
    await tx.$queryRaw`SELECT "id" FROM "Cart" WHERE "id" = ${guest.id}::uuid FOR UPDATE`;
    const mine = await tx.cart.upsert({ where: { userId }, create: { userId }, update: { updatedAt: new Date() }, select: { id: true } });
    for (const line of guest.lines) {
      const existing = await tx.cartLine.findUnique({ where: { cartId_variantId: { cartId: mine.id, variantId: line.variantId } }, select: { quantity: true } });
      const quantity = Math.min(MAX_LINE_QUANTITY, (existing?.quantity ?? 0) + line.quantity);
      await tx.cartLine.upsert({
        where: { cartId_variantId: { cartId: mine.id, variantId: line.variantId } },
        create: { cartId: mine.id, variantId: line.variantId, quantity, priceSeenMinor: line.priceSeenMinor },
        update: { quantity },
      });
    }
    await tx.cart.delete({ where: { id: guest.id } });
    return { moved: guest.lines.length };
  });
}
