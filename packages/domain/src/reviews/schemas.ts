// Review input schemas, shared by the review form, the tRPC procedures and the domain functions.
import { z } from "zod";

export const REVIEWS_PAGE_SIZE = 10;

export const productIdInput = z.object({ productId: z.uuid("Unknown product") });
export type ProductIdInput = z.input<typeof productIdInput>;

export const listReviewsInput = z.object({
  productId: z.uuid("Unknown product"),
  /** The id of the last review already shown; the next page starts after it. */
  cursor: z.uuid("Unknown page").nullish(),
  limit: z.number().int().min(1).max(50).default(REVIEWS_PAGE_SIZE),
});
export type ListReviewsInput = z.input<typeof listReviewsInput>;

export const reviewFields = z.object({
  orderLineId: z.uuid("Choose the purchase you are reviewing"),
  rating: z
    .number({ error: "Choose a rating from 1 to 5 stars" })
    .int("Choose a rating from 1 to 5 stars")
    .min(1, "Choose a rating from 1 to 5 stars")
    .max(5, "Choose a rating from 1 to 5 stars"),
  text: z.string().trim().max(2000, "Keep the review under 2,000 characters").default(""),
});
export type ReviewFields = z.input<typeof reviewFields>;

export const createReviewInput = reviewFields.extend({ userId: z.uuid() });
export type CreateReviewInput = z.input<typeof createReviewInput>;
