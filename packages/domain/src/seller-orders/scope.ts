// Whose order parts a caller may see: a portal user sees the shops they are a member of (or one
// of them), an API key sees its one shop. Everything else is NOT_FOUND, like a missing order.
import type { Prisma } from "@market/db";

export type SellerAccess = { userId: string } | { sellerId: string };

export const ORDER_NOT_FOUND = "We could not find this order in your shops.";

export function partScope(access: SellerAccess, sellerId?: string): Prisma.OrderPartWhereInput {
  const base: Prisma.OrderPartWhereInput = "userId" in access ? { seller: { members: { some: { userId: access.userId } } } } : { sellerId: access.sellerId };
  // Parts of orders never paid are not the seller's to work on (nor to see: the shopper may
  // still abandon the checkout).
  return { ...base, ...(sellerId ? { sellerId } : {}), order: { paidAt: { not: null } } };
}
