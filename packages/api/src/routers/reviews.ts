import { createReview, listReviewableLines, listReviews, listReviewsInput, productIdInput, ratingSummary, reviewFields } from "@market/domain/reviews";
import { publicProcedure, router, signedInProcedure } from "../trpc.ts";

export const reviewsRouter = router({
  list: publicProcedure.input(listReviewsInput).query(({ input }) => listReviews(input)),
  summary: publicProcedure.input(productIdInput).query(({ input }) => ratingSummary(input)),
  /** The signed-in shopper's delivered, not yet reviewed purchases of this product. */
  reviewable: signedInProcedure.input(productIdInput).query(({ ctx, input }) => listReviewableLines({ userId: ctx.user.id, productId: input.productId })),
  create: signedInProcedure.input(reviewFields).mutation(({ ctx, input }) => createReview({ ...input, userId: ctx.user.id })),
});
