import { getPrisma, ProductStatus } from "@market/db";
import { cartKey, lockCart } from "./cart-owner.ts";
import { getCart, type CartView } from "./get-cart.ts";
import { syncCartInput, type CartOwner, type SyncCartInput } from "./schemas.ts";

export type SyncOutcome =
  /** The cart now holds exactly this quantity (0: the line is gone). */
  | "applied"
  /** Not added: the item was unpublished or switched off before the change could be saved. */
  | "notSold"
  /** Not added: no such item. */
  | "notFound";

export type SyncedCart = { results: { variantId: string; quantity: number; outcome: SyncOutcome }[]; cart: CartView };

/**
 * Replays changes a shopper made on their device while the database was unreachable (see the
 * storefront's cart journal). Each operation says how many of a variant the cart holds, so the
 * same batch applied twice leaves the same cart: a replay whose answer was lost is safe to send
 * again. What the shopper saw is kept even where stock dropped meanwhile (the line then says
 * "only N left", and checkout reserves only what exists); an item no longer sold is not added,
 * and the result says so. Prices are never taken from the device: the cart shows the
 * catalogue's. Later operations for the same variant win.
 */
export async function syncCart(owner: CartOwner, input: SyncCartInput): Promise<SyncedCart> {
  const latest = new Map<string, number>();
  for (const op of syncCartInput.parse(input).operations) {
    latest.delete(op.variantId); // keep the batch's order, with the last word per variant
    latest.set(op.variantId, op.quantity);
  }
  const key = cartKey(owner);
  const results = await getPrisma().$transaction(async (tx) => {
    const variantIds = [...latest.keys()];
    const adds = [...latest.values()].some((quantity) => quantity > 0);
    const cart = adds
      ? await tx.cart.upsert({ where: key, create: key, update: {}, select: { id: true } })
      : await tx.cart.findUnique({ where: key, select: { id: true } });
    if (!cart) return variantIds.map((variantId) => ({ variantId, quantity: 0, outcome: "applied" as const }));
    await lockCart(tx, cart.id);

    const [variants, lines] = await Promise.all([
      tx.productVariant.findMany({
        where: { id: { in: variantIds } },
        select: { id: true, isActive: true, priceMinor: true, product: { select: { status: true } } },
      }),
      tx.cartLine.findMany({ where: { cartId: cart.id, variantId: { in: variantIds } }, select: { id: true, variantId: true, quantity: true } }),
    ]);
    const variantById = new Map(variants.map((v) => [v.id, v]));
    const lineByVariant = new Map(lines.map((l) => [l.variantId, l]));

    const out: SyncedCart["results"] = [];
    for (const [variantId, quantity] of latest) {
      const line = lineByVariant.get(variantId);
      const variant = variantById.get(variantId);
      if (quantity === 0) {
        if (line) await tx.cartLine.delete({ where: { id: line.id } });
        out.push({ variantId, quantity, outcome: "applied" });
      } else if (line) {
        // Already in the cart, so the shopper has seen it: keep it whatever its state, the
        // cart page says what changed.
        if (line.quantity !== quantity) await tx.cartLine.update({ where: { id: line.id }, data: { quantity } });
        out.push({ variantId, quantity, outcome: "applied" });
      } else if (!variant) {
        out.push({ variantId, quantity, outcome: "notFound" });
      } else if (!variant.isActive || variant.product.status !== ProductStatus.ACTIVE) {
        // Not added: an unpublished item's details must not reach a cart that never held it.
        out.push({ variantId, quantity, outcome: "notSold" });
      } else {
        await tx.cartLine.create({ data: { cartId: cart.id, variantId, quantity, priceSeenMinor: variant.priceMinor } });
        out.push({ variantId, quantity, outcome: "applied" });
      }
    }
    await tx.cart.update({ where: { id: cart.id }, data: { updatedAt: new Date() } });
    return out;
  });
  return { results, cart: await getCart(owner) };
}
