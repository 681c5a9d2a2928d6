"use client";
// Reviews, newest first: the first page comes from the server, "Show more" fetches the next.
import type { ReviewItem } from "@market/domain/reviews";
import { Alert, Button } from "@market/ui";
import { useLocale, useT } from "@market/web/i18n/client";
import { describeError, useTRPCClient } from "@market/web/trpc-client";
import { useState } from "react";
import { Stars } from "./stars";

export function ReviewList({ productId, first, nextCursor }: { productId: string; first: ReviewItem[]; nextCursor: string | null }) {
  const t = useT();
  const locale = useLocale();
  const client = useTRPCClient();
  const [more, setMore] = useState<{ items: ReviewItem[]; cursor: string | null; after: string | null }>({ items: [], cursor: nextCursor, after: nextCursor });
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // The server's first page changed (a new review, after a refresh): start again from it.
  const extra = more.after === nextCursor ? more : { items: [], cursor: nextCursor, after: nextCursor };

  async function showMore() {
    if (!extra.cursor) return;
    setLoading(true);
    setProblem(null);
    try {
      const page = await client.reviews.list.query({ productId, cursor: extra.cursor });
      setMore({ items: [...extra.items, ...page.items], cursor: page.nextCursor, after: nextCursor });
    } catch (error) {
      setProblem(describeError(error).message);
    } finally {
      setLoading(false);
    }
  }

  const dateFormat = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const items = [...first, ...extra.items];
  return (
    <div className="flex flex-col gap-4">
      <ol aria-label={t("product.reviewsHeading")} className="flex flex-col divide-y divide-gray-100">
        {items.map((review) => (
          <li key={review.id} className="flex flex-col gap-1 py-4">
            <article aria-label={review.author} className="flex flex-col gap-1">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <span className="font-semibold">{review.author}</span>
                <time dateTime={review.createdAt.toISOString()} className="text-xs text-muted">{dateFormat.format(review.createdAt)}</time>
              </div>
              <Stars rating={review.rating} label={t("product.ratingOutOf", { average: review.rating })} />
              {review.variant?.size || review.variant?.color ? (
                <p className="text-xs text-muted">
                  {[review.variant.size ? t("product.reviewVariant", { size: review.variant.size }) : null, review.variant.color].filter(Boolean).join(" · ")}
                </p>
              ) : null}
              {review.text ? <p className="text-sm whitespace-pre-line">{review.text}</p> : null}
            </article>
          </li>
        ))}
      </ol>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      {extra.cursor ? (
        <Button type="button" variant="secondary" onClick={showMore} busy={loading} className="self-start">
          {t("product.showMoreReviews")}
        </Button>
      ) : null}
    </div>
  );
}
