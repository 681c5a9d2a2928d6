// A SearchQuery as one Algolia multi-search call. The first request fetches the page of hits
// with every filter; Algolia counts facets on exactly that set, so for each facet the shopper has
// filtered on, one more request (no hits) counts that facet with the other filters only. That is
// how InstantSearch does disjunctive faceting, and it matches the PostgreSQL engine's counts.
import type { SearchForHits } from "algoliasearch";
import { PAGE_SIZE, type SearchQuery } from "../types.ts";
import { CARD_ATTRIBUTES } from "./build-algolia-record.ts";
import { replicaName } from "./build-algolia-settings.ts";

export type FacetGroup = "brands" | "sizes" | "colors" | "sellers" | "price" | "rating" | "inStock";

/** The record attribute each facet is counted on. */
export const FACET_ATTRIBUTE: Record<FacetGroup, string> = {
  brands: "brand",
  sizes: "sizes",
  colors: "colors",
  sellers: "seller",
  price: "minPriceMinor",
  rating: "ratingFloor",
  inStock: "inStock",
};

type Filters = { facetFilters: (string | string[])[]; numericFilters: string[] };

/** A facet value inside a filter: a leading "-" would otherwise mean "not". */
function escapeValue(value: string): string {
  return value.startsWith("-") ? `\\${value}` : value;
}

function anyOf(attribute: string, values: readonly string[]): string[] {
  return values.map((value) => `${attribute}:${escapeValue(value)}`);
}

function groupFilters(query: SearchQuery): Map<FacetGroup, Partial<Filters>> {
  const groups = new Map<FacetGroup, Partial<Filters>>();
  // Values inside one facet are alternatives (an inner array is OR); facets combine with AND.
  if (query.brands.length) groups.set("brands", { facetFilters: [anyOf("brand", query.brands)] });
  if (query.sizes.length) groups.set("sizes", { facetFilters: [anyOf("sizes", query.sizes)] });
  if (query.colors.length) groups.set("colors", { facetFilters: [anyOf("colors", query.colors)] });
  if (query.sellers.length) groups.set("sellers", { facetFilters: [anyOf("sellerSlug", query.sellers)] });
  const price = [
    ...(query.priceMin !== undefined ? [`minPriceMinor>=${query.priceMin}`] : []),
    ...(query.priceMax !== undefined ? [`minPriceMinor<=${query.priceMax}`] : []),
  ];
  if (price.length) groups.set("price", { numericFilters: price });
  if (query.ratingMin !== undefined) groups.set("rating", { numericFilters: [`ratingAverage>=${query.ratingMin}`] });
  if (query.inStock) groups.set("inStock", { facetFilters: ["inStock:true"] });
  return groups;
}

function combine(query: SearchQuery, groups: Map<FacetGroup, Partial<Filters>>, except?: FacetGroup): Filters {
  const filters: Filters = {
    facetFilters: [
      ...(query.category ? [`categorySlugs:${escapeValue(query.category)}`] : []),
      ...(query.seller ? [`sellerSlug:${escapeValue(query.seller)}`] : []),
    ],
    numericFilters: [],
  };
  for (const [group, part] of groups) {
    if (group === except) continue;
    filters.facetFilters.push(...(part.facetFilters ?? []));
    filters.numericFilters.push(...(part.numericFilters ?? []));
  }
  return filters;
}

export type AlgoliaSearchPlan = {
  requests: SearchForHits[];
  /** Which facet each request after the first counts. */
  disjunctive: FacetGroup[];
};

export function buildAlgoliaRequests(indexName: string, query: SearchQuery): AlgoliaSearchPlan {
  const groups = groupFilters(query);
  const main: SearchForHits = {
    indexName: replicaName(indexName, query.sort),
    query: query.q,
    page: query.page - 1,
    hitsPerPage: PAGE_SIZE,
    facets: Object.values(FACET_ATTRIBUTE),
    attributesToRetrieve: [...CARD_ATTRIBUTES],
    ...combine(query, groups),
  };
  const disjunctive = [...groups.keys()];
  const counts = disjunctive.map(
    (group): SearchForHits => ({
      // Counting needs no particular order, so these go to the primary index.
      indexName,
      query: query.q,
      page: 0,
      hitsPerPage: 0,
      facets: [FACET_ATTRIBUTE[group]],
      attributesToRetrieve: [],
      // Counting requests are not searches a shopper made: keep them out of analytics.
      analytics: false,
      clickAnalytics: false,
      ...combine(query, groups, group),
    }),
  );
  return { requests: [main, ...counts], disjunctive };
}
