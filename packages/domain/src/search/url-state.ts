// A listing's whole state lives in its URL (shareable; the back button restores it). This maps
// URL search parameters to a SearchQuery and back. Prices are whole currency units in the URL
// ("price_min=1500" is 1,500 ₽) because people read and edit them; minor units inside.
import { searchQueryInput, SORTS, type SearchQuery } from "./types.ts";

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function all(params: Params, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
const first = (params: Params, name: string) => all(params, name)[0];

function wholeNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
}

/** Reads a listing URL. Anything malformed is dropped rather than failing the page. */
export function searchQueryFromParams(params: Params, fixed: Partial<SearchQuery> = {}): SearchQuery {
  const sort = first(params, "sort");
  const rating = wholeNumber(first(params, "rating"));
  const priceMin = wholeNumber(first(params, "price_min"));
  const priceMax = wholeNumber(first(params, "price_max"));
  const candidate = {
    q: (first(params, "q") ?? "").slice(0, 200),
    brands: all(params, "brand").slice(0, 50),
    sizes: all(params, "size").slice(0, 50),
    colors: all(params, "color").slice(0, 50),
    sellers: all(params, "seller").slice(0, 50),
    priceMin: priceMin === undefined ? undefined : priceMin * 100,
    priceMax: priceMax === undefined ? undefined : priceMax * 100,
    ratingMin: rating !== undefined && rating >= 1 && rating <= 5 ? rating : undefined,
    inStock: first(params, "in_stock") === "1",
    sort: SORTS.includes(sort as never) ? sort : undefined,
    page: Math.min(500, Math.max(1, wholeNumber(first(params, "page")) ?? 1)),
    ...fixed,
  };
  const parsed = searchQueryInput.safeParse(candidate);
  return parsed.success ? parsed.data : searchQueryInput.parse({ ...fixed });
}

/** Writes the URL for a query; defaults are left out so URLs stay short. */
export function searchQueryToParams(query: Partial<SearchQuery>, omit: (keyof SearchQuery)[] = []): URLSearchParams {
  const params = new URLSearchParams();
  const skip = new Set(omit);
  if (query.q && !skip.has("q")) params.set("q", query.q);
  if (!skip.has("brands")) for (const v of query.brands ?? []) params.append("brand", v);
  if (!skip.has("sizes")) for (const v of query.sizes ?? []) params.append("size", v);
  if (!skip.has("colors")) for (const v of query.colors ?? []) params.append("color", v);
  if (!skip.has("sellers")) for (const v of query.sellers ?? []) params.append("seller", v);
  if (query.priceMin !== undefined && !skip.has("priceMin")) params.set("price_min", String(Math.floor(query.priceMin / 100)));
  if (query.priceMax !== undefined && !skip.has("priceMax")) params.set("price_max", String(Math.ceil(query.priceMax / 100)));
  if (query.ratingMin !== undefined && !skip.has("ratingMin")) params.set("rating", String(query.ratingMin));
  if (query.inStock && !skip.has("inStock")) params.set("in_stock", "1");
  if (query.sort && query.sort !== "relevance" && !skip.has("sort")) params.set("sort", query.sort);
  if (query.page && query.page > 1 && !skip.has("page")) params.set("page", String(query.page));
  return params;
}
