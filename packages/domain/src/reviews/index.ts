export * from "./schemas.ts";
export { listReviews, shortName, type ReviewItem, type ReviewPage } from "./list-reviews.ts";
export { ratingSummary, type RatingSummary } from "./rating-summary.ts";
export { listReviewableLines, type ReviewableLine } from "./list-reviewable-lines.ts";
export { createReview, type CreatedReview } from "./create-review.ts";
