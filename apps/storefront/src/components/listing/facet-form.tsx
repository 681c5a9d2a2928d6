// Facets as a plain GET form: it works before JavaScript loads, and the resulting URL is the
// listing's whole state. With JavaScript, a change submits it at once (AutoSubmit).
import type { FacetValue, SearchQuery, SearchResult } from "@market/domain/search";
import { SORTS } from "@market/domain/search";
import { formatMoney } from "@market/ui";
import type { Locale } from "@market/web/i18n";
import { getTranslator } from "@market/web/i18n/server";
import { AutoSubmit } from "./auto-submit";

function CheckboxGroup({ legend, name, values, selected }: { legend: string; name: string; values: FacetValue[]; selected: string[] }) {
  if (values.length === 0) return null;
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-semibold">{legend}</legend>
      <div className="flex max-h-56 flex-col gap-1 overflow-y-auto pr-1">
        {values.map((v) => (
          <label key={v.value} className="flex min-h-8 cursor-pointer items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={v.value} defaultChecked={selected.includes(v.value)} className="size-4 accent-brand-600" />
            <span className="flex-1">{v.label}</span>
            <span className="text-xs text-muted">{v.count}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export async function FacetForm({ basePath, query, facets, fixed, locale }: {
  basePath: string;
  query: SearchQuery;
  facets: SearchResult["facets"];
  fixed: (keyof SearchQuery)[];
  locale: Locale;
}) {
  const t = await getTranslator();
  const formId = "listing-filters";
  const currency = "RUB";
  return (
    <aside className="lg:w-64 lg:shrink-0">
      <form id={formId} action={basePath} method="get" aria-label={t("filters.title")} className="flex flex-col gap-4">
        {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t("sort.label")}
          <select name="sort" defaultValue={query.sort} className="min-h-11 rounded-xl border border-gray-300 bg-white px-3 font-normal">
            {SORTS.filter((s) => s !== "relevance" || query.q).map((sort) => (
              <option key={sort} value={sort}>{t(`sort.${sort}`)}</option>
            ))}
          </select>
        </label>
        <details className="group rounded-xl border border-gray-200 p-3 lg:border-0 lg:p-0" open>
          <summary className="cursor-pointer text-base font-semibold lg:hidden">{t("filters.title")}</summary>
          <div className="mt-3 flex flex-col gap-5 lg:mt-0">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="in_stock" value="1" defaultChecked={query.inStock} className="size-4 accent-brand-600" />
              {t("filters.inStock")} <span className="text-xs text-muted">{facets.inStock}</span>
            </label>
            <fieldset className="flex flex-col gap-1">
              <legend className="mb-1 text-sm font-semibold">{t("filters.price")}</legend>
              <div className="flex items-center gap-2">
                <label className="flex flex-1 flex-col text-xs text-muted">
                  {t("filters.priceFrom")}
                  <input type="number" inputMode="numeric" min={0} name="price_min" defaultValue={query.priceMin !== undefined ? query.priceMin / 100 : ""}
                    placeholder={facets.price ? String(Math.floor(facets.price.min / 100)) : ""} className="min-h-10 rounded-lg border border-gray-300 px-2 text-sm text-ink" />
                </label>
                <label className="flex flex-1 flex-col text-xs text-muted">
                  {t("filters.priceTo")}
                  <input type="number" inputMode="numeric" min={0} name="price_max" defaultValue={query.priceMax !== undefined ? query.priceMax / 100 : ""}
                    placeholder={facets.price ? String(Math.ceil(facets.price.max / 100)) : ""} className="min-h-10 rounded-lg border border-gray-300 px-2 text-sm text-ink" />
                </label>
              </div>
              {facets.price ? (
                <p className="text-xs text-muted">
                  {formatMoney(facets.price.min, currency, locale)} – {formatMoney(facets.price.max, currency, locale)}
                </p>
              ) : null}
            </fieldset>
            <CheckboxGroup legend={t("filters.brand")} name="brand" values={facets.brands} selected={query.brands} />
            <CheckboxGroup legend={t("filters.size")} name="size" values={facets.sizes} selected={query.sizes} />
            <CheckboxGroup legend={t("filters.color")} name="color" values={facets.colors} selected={query.colors} />
            {fixed.includes("seller") ? null : (
              <CheckboxGroup legend={t("filters.seller")} name="seller" values={facets.sellers} selected={query.sellers} />
            )}
            <fieldset className="flex flex-col gap-1">
              <legend className="mb-1 text-sm font-semibold">{t("filters.rating")}</legend>
              <label className="flex min-h-8 items-center gap-2 text-sm">
                <input type="radio" name="rating" value="" defaultChecked={query.ratingMin === undefined} className="size-4 accent-brand-600" />
                {t("filters.anyRating")}
              </label>
              {facets.ratings.map((r) => (
                <label key={r.value} className="flex min-h-8 items-center gap-2 text-sm">
                  <input type="radio" name="rating" value={r.value} defaultChecked={String(query.ratingMin) === r.value} className="size-4 accent-brand-600" />
                  <span className="flex-1">★ {t("filters.ratingAtLeast", { rating: r.value })}</span>
                  <span className="text-xs text-muted">{r.count}</span>
                </label>
              ))}
            </fieldset>
          </div>
        </details>
        <button type="submit" className="min-h-11 rounded-xl bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700">
          {t("filters.apply")}
        </button>
      </form>
      <AutoSubmit formId={formId} />
    </aside>
  );
}
