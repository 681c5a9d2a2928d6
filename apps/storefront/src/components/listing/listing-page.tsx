// One listing for category pages, the search page and sellers' pages: the same grid, facets,
// sort and pagination, all from the URL.
import type { SearchQuery, SearchResult } from "@market/domain/search";
import { searchQueryToParams } from "@market/domain/search";
import type { Locale, Translate } from "@market/web/i18n";
import Link from "next/link";
import type { ReactNode } from "react";
import { ProductGrid } from "../product-grid";
import { FacetForm } from "./facet-form";
import { Pagination } from "./pagination";

export function ListingPage({
  heading,
  basePath,
  query,
  result,
  fixed,
  locale,
  t,
  emptyState,
}: {
  heading: ReactNode;
  basePath: string;
  query: SearchQuery;
  result: SearchResult;
  /** Query parts that belong to the page (its category or seller), not to the URL. */
  fixed: (keyof SearchQuery)[];
  locale: Locale;
  t: Translate;
  emptyState?: ReactNode;
}) {
  const hrefFor = (changes: Partial<SearchQuery>) => {
    const params = searchQueryToParams({ ...query, ...changes }, fixed).toString();
    return params ? `${basePath}?${params}` : basePath;
  };
  const filtered =
    query.brands.length + query.sizes.length + query.colors.length + query.sellers.length > 0 ||
    query.priceMin !== undefined ||
    query.priceMax !== undefined ||
    query.ratingMin !== undefined ||
    query.inStock;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{heading}</h1>
        <p className="text-sm text-muted" role="status">
          {t("search.found", { count: result.total })}
        </p>
      </div>
      {result.correctedQuery ? (
        <p className="text-sm">{t("search.didYouMean", { corrected: result.correctedQuery })}</p>
      ) : null}
      <div className="flex flex-col gap-6 lg:flex-row">
        <FacetForm basePath={basePath} query={query} facets={result.facets} fixed={fixed} locale={locale} />
        <div className="flex min-w-0 flex-1 flex-col gap-6">
          {result.total === 0 ? (
            filtered ? (
              <div className="flex flex-col items-start gap-2 rounded-xl bg-gray-50 p-6">
                <p>{t("search.nothingMatches")}</p>
                <Link className="font-medium text-brand-600 underline" href={hrefFor({ brands: [], sizes: [], colors: [], sellers: [], priceMin: undefined, priceMax: undefined, ratingMin: undefined, inStock: false, page: 1 })}>
                  {t("search.clearFilters")}
                </Link>
              </div>
            ) : (
              emptyState ?? <p className="rounded-xl bg-gray-50 p-6 text-center text-muted">{t("common.empty")}</p>
            )
          ) : (
            <ProductGrid products={result.hits} label={t("search.allProducts")} locale={locale} t={t} eager={6} />
          )}
          <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => hrefFor({ page })} t={t} />
        </div>
      </div>
    </div>
  );
}
