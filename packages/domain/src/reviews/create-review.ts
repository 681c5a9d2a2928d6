import { FulfilmentStatus, getPrisma, Prisma } from "@market/db";
import { AppError } from "../errors.ts";
import { enqueueSearchSync } from "../search/enqueue-search-sync.ts";
import { createReviewInput, type CreateReviewInput } from "./schemas.ts";

export type CreatedReview = { id: string; productId: string; rating: number };

const alreadyReviewed = () =>
  new AppError("CONFLICT", "You have already reviewed this purchase.", { fields: { orderLineId: "Already reviewed" } });

/**
 * A shopper reviews one line of an order they received. One review per line (Review.orderLineId
 * is unique); the product's and the seller's rating read models change in the same transaction,
 * which also queues the product's search entry (its rating) for re-indexing.
 */
export async function createReview(input: CreateReviewInput): Promise<CreatedReview> {
  const { userId, orderLineId, rating, text } = createReviewInput.parse(input);
  try {
    return await getPrisma().$transaction(async (tx) => {
      const line = await tx.orderLine.findUnique({
        where: { id: orderLineId },
        select: {
          productId: true,
          order: { select: { userId: true } },
          part: { select: { status: true } },
          review: { select: { id: true } },
        },
      });
      // Someone else's line looks the same as a missing one.
      if (!line || line.order.userId !== userId) {
        throw new AppError("NOT_FOUND", "We could not find that purchase in your orders.", { fields: { orderLineId: "Not one of your purchases" } });
      }
      if (line.part.status !== FulfilmentStatus.DELIVERED) {
        throw new AppError("FORBIDDEN", "You can review an item once it has been delivered to you.", {
          fields: { orderLineId: "Not delivered yet" },
        });
      }
      if (line.review) throw alreadyReviewed();

      const review = await tx.review.create({
        data: { productId: line.productId, userId, orderLineId, rating, text },
        select: { id: true, productId: true, rating: true },
      });
      const product = await tx.product.update({
        where: { id: line.productId },
        data: { ratingSum: { increment: rating }, ratingCount: { increment: 1 } },
        select: { sellerId: true },
      });
      await tx.seller.update({
        where: { id: product.sellerId },
        data: { ratingSum: { increment: rating }, ratingCount: { increment: 1 } },
      });
      await enqueueSearchSync(tx, [line.productId]);
      return review;
    });
  } catch (error) {
    // Two submissions of the same line at once: the unique index lets only one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw alreadyReviewed();
    throw error;
  }
}
