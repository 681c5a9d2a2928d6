import { getPrisma, ProductStatus, SellerStatus } from "@market/db";

/** What shoppers see of a seller on the seller's storefront page; null unless the shop is active. */
export async function getSellerProfile(slug: string) {
  const seller = await getPrisma().seller.findFirst({
    where: { slug, status: SellerStatus.ACTIVE },
    select: {
      slug: true,
      name: true,
      description: true,
      logoUrl: true,
      ratingSum: true,
      ratingCount: true,
      createdAt: true,
      _count: { select: { products: { where: { status: ProductStatus.ACTIVE } } } },
    },
  });
  if (!seller) return null;
  return {
    slug: seller.slug,
    name: seller.name,
    description: seller.description,
    logoUrl: seller.logoUrl,
    rating: { average: seller.ratingCount ? Math.round((seller.ratingSum / seller.ratingCount) * 10) / 10 : 0, count: seller.ratingCount },
    productCount: seller._count.products,
    since: seller.createdAt,
  };
}
