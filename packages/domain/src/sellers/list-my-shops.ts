import { getPrisma } from "@market/db";

/** Shops the user is a member of; the portal picks the first as the active shop. */
export function listMyShops(userId: string) {
  return getPrisma().seller.findMany({
    where: { members: { some: { userId } } },
    select: { id: true, name: true, slug: true, status: true, _count: { select: { products: true } } },
    orderBy: { createdAt: "asc" },
  });
}
