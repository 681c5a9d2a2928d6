// A seller's portal pages work on one shop at a time; the user must be one of its members.
// Anything else answers NOT_FOUND, exactly like a shop that does not exist, so ids of other
// sellers' shops cannot be probed.
import { getPrisma, type Currency } from "@market/db";
import { AppError } from "../errors.ts";

export type ShopRef = { id: string; slug: string; name: string; currency: Currency };

export const SHOP_NOT_FOUND = "We could not find that shop.";

export async function requireShopMember(userId: string, sellerId: string): Promise<ShopRef> {
  const prisma = getPrisma();
  const shop = await prisma.seller.findFirst({
    where: { id: sellerId, members: { some: { userId } } },
    select: { id: true, slug: true, name: true },
  });
  if (!shop) throw new AppError("NOT_FOUND", SHOP_NOT_FOUND);
  return { ...shop, currency: await shopCurrency(sellerId) };
}

/**
 * Sellers have no currency of their own; the shop's money is shown in the currency of its newest
 * product (sellers list in one currency in practice), RUB for a shop with no products yet.
 */
async function shopCurrency(sellerId: string): Promise<Currency> {
  const product = await getPrisma().product.findFirst({ where: { sellerId }, orderBy: { createdAt: "desc" }, select: { currency: true } });
  return product?.currency ?? "RUB";
}
