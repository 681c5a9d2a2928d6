// The rating summary beside the reviews: the average, how many ratings, and bars per star.
import type { RatingSummary } from "@market/domain/reviews";
import type { Locale, Translate } from "@market/web/i18n";
import { Stars } from "./stars";

export function RatingSummaryView({ summary, t, locale }: { summary: RatingSummary; t: Translate; locale: Locale }) {
  const total = summary.distribution.reduce((sum, row) => sum + row.count, 0);
  const average = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(summary.average);
  return (
    <div className="flex flex-col gap-3 rounded-2xl bg-gray-50 p-4">
      <div className="flex items-center gap-3">
        <span className="text-4xl font-bold">{summary.count ? average : "—"}</span>
        <div className="flex flex-col">
          <Stars rating={summary.average} label={t("product.ratingOutOf", { average })} />
          <span className="text-sm text-muted">{summary.count ? t("product.ratings", { count: summary.count }) : t("product.noReviews")}</span>
        </div>
      </div>
      {total > 0 ? (
        <ul aria-label={t("product.rating")} className="flex flex-col gap-1 text-sm">
          {summary.distribution.map((row) => {
            const percent = Math.round((row.count / total) * 100);
            return (
              <li key={row.stars} className="grid grid-cols-[3.5rem_1fr_2.5rem] items-center gap-2">
                <span>{row.stars} <span aria-hidden className="text-amber-500">★</span><span className="sr-only">{t("product.stars", { count: row.stars })}:</span></span>
                <span aria-hidden className="h-2 overflow-hidden rounded-full bg-gray-200">
                  <span className="block h-full rounded-full bg-amber-400" style={{ width: `${percent}%` }} />
                </span>
                <span className="text-right text-muted">{row.count}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
