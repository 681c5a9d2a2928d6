import { getPrisma, newRowId, Prisma, ProductStatus } from "@market/db";
import { availableUnits } from "../catalog/stock.ts";
import { AppError } from "../errors.ts";
import { cartKey } from "./cart-owner.ts";
import { addToCartInput, MAX_LINE_QUANTITY, type AddToCartInput, type CartOwner } from "./schemas.ts";

export type AddedToCart = { variantId: string; quantity: number; itemCount: number };

type Added = { quantity: number | null; itemCount: number };

/**
 * Puts units of a variant in the owner's cart (creating the cart on first use). The price comes
 * from the catalogue, never from the client; the quantity, together with what the cart already
 * holds, must stay within 1..99 and within what is available.
 *
 * The hottest write a shopper makes, so it is one statement: the cart is upserted and the line
 * inserted or increased by a conditional upsert, whose limits are checked against the line as it
 * stands when the row is locked, so two adds at once cannot both slip past them. Only a refused
 * add reads again, to say why.
 */
export async function addToCart(owner: CartOwner, input: AddToCartInput): Promise<AddedToCart> {
  const { variantId, quantity } = addToCartInput.parse(input);
  const key = cartKey(owner);
  const now = Date.now();
  // The owner's key column (fixed names, never input) and its value.
  const [keyColumn, keyValue] = "userId" in key ? [Prisma.raw('"userId"'), Prisma.sql`${key.userId}::uuid`] : [Prisma.raw('"guestToken"'), Prisma.sql`${key.guestToken}`];
  const cartUpsert = Prisma.sql`INSERT INTO "Cart" (id, ${keyColumn}, "createdAt", "updatedAt") VALUES (${newRowId(now)}::uuid, ${keyValue}, now(), now())
           ON CONFLICT (${keyColumn}) DO UPDATE SET "updatedAt" = now() RETURNING id`;
  const [added] = await getPrisma().$queryRaw<Added[]>`
    WITH variant AS (
      SELECT v.id, v."priceMinor",
             LEAST(${MAX_LINE_QUANTITY}::int, (SELECT COALESCE(sum(GREATEST(s."onHand" - s.reserved, 0)), 0)::int FROM "Stock" s WHERE s."variantId" = v.id)) AS "maxInCart"
        FROM "ProductVariant" v JOIN "Product" p ON p.id = v."productId"
       WHERE v.id = ${variantId}::uuid AND v."isActive" AND p.status = ${ProductStatus.ACTIVE}::"ProductStatus"
    ),
    cart AS (${cartUpsert}),
    line AS (
      INSERT INTO "CartLine" AS l (id, "cartId", "variantId", quantity, "priceSeenMinor", "addedAt", "updatedAt")
      SELECT ${newRowId(now)}::uuid, cart.id, variant.id, ${quantity}::int, variant."priceMinor", now(), now()
        FROM cart, variant
       WHERE ${quantity}::int <= variant."maxInCart"
      ON CONFLICT ("cartId", "variantId") DO UPDATE
         SET quantity = l.quantity + EXCLUDED.quantity, "priceSeenMinor" = EXCLUDED."priceSeenMinor", "updatedAt" = now()
       WHERE l.quantity + EXCLUDED.quantity <= (SELECT "maxInCart" FROM variant)
      RETURNING quantity
    )
    SELECT (SELECT quantity FROM line) AS quantity,
           (SELECT COALESCE(sum(o.quantity), 0)::int FROM "CartLine" o, cart WHERE o."cartId" = cart.id AND o."variantId" <> ${variantId}::uuid)
             + COALESCE((SELECT quantity FROM line), 0) AS "itemCount"`;
  if (added?.quantity != null) return { variantId, quantity: added.quantity, itemCount: added.itemCount };
  throw await whyNotAdded(key, variantId, quantity);
}

/** The refusal, read after the fact: which limit the add ran into, in the shopper's words. */
async function whyNotAdded(key: ReturnType<typeof cartKey>, variantId: string, quantity: number): Promise<AppError> {
  const prisma = getPrisma();
  const [variant, line] = await Promise.all([
    prisma.productVariant.findUnique({
      where: { id: variantId },
      select: { isActive: true, product: { select: { status: true } }, stock: { select: { onHand: true, reserved: true } } },
    }),
    prisma.cartLine.findFirst({ where: { variantId, cart: key }, select: { quantity: true } }),
  ]);
  if (!variant || !variant.isActive || variant.product.status !== ProductStatus.ACTIVE) {
    return new AppError("NOT_FOUND", "This item is no longer sold, so it cannot be added to the cart.", { fields: { variantId: "No longer sold" } });
  }
  const available = availableUnits(variant.stock);
  if (available === 0) return new AppError("CONFLICT", "This item is sold out. Choose another size or colour.", { fields: { variantId: "Sold out" } });
  const inCart = line?.quantity ?? 0;
  if (inCart + quantity > MAX_LINE_QUANTITY) {
    return new AppError("BAD_REQUEST", `You can have at most ${MAX_LINE_QUANTITY} of one item in the cart; it already holds ${inCart}.`, {
      fields: { quantity: `At most ${MAX_LINE_QUANTITY - inCart} more` },
    });
  }
  return new AppError(
    "CONFLICT",
    inCart > 0 ? `Only ${available} left, and your cart already holds ${inCart}.` : `Only ${available} left. Choose a smaller quantity.`,
    { fields: { quantity: `At most ${Math.max(0, available - inCart)} more` } },
  );
}
