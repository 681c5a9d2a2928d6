import { getPrisma } from "@market/db";
import { averageRating } from "../catalog/get-product-page.ts";
import { productIdInput, type ProductIdInput } from "./schemas.ts";

export type RatingSummary = {
  average: number;
  count: number;
  /** How many reviews gave each number of stars, 5 down to 1. */
  distribution: { stars: 5 | 4 | 3 | 2 | 1; count: number }[];
};

/**
 * The product's average and count come from its read model (Product.ratingSum/ratingCount,
 * kept by createReview in the same transaction as the review); the distribution from the reviews.
 */
export async function ratingSummary(input: ProductIdInput): Promise<RatingSummary> {
  const { productId } = productIdInput.parse(input);
  const prisma = getPrisma();
  const [product, groups] = await Promise.all([
    prisma.product.findUnique({ where: { id: productId }, select: { ratingSum: true, ratingCount: true } }),
    prisma.review.groupBy({ by: ["rating"], where: { productId }, _count: { _all: true } }),
  ]);
  const counts = new Map(groups.map((g) => [g.rating, g._count._all]));
  return {
    average: averageRating(product?.ratingSum ?? 0, product?.ratingCount ?? 0),
    count: product?.ratingCount ?? 0,
    distribution: ([5, 4, 3, 2, 1] as const).map((stars) => ({ stars, count: counts.get(stars) ?? 0 })),
  };
}
