// Algolia's multi-search answer as a SearchResult: cards straight from the records (no database
// read), facets from the main response, or from the counting response of a facet the shopper
// filtered on (see build-algolia-requests.ts).
import type { SearchResponse } from "algoliasearch";
import type { ProductCard } from "../../catalog/product-card.ts";
import { fileUrl } from "../../files/index.ts";
import { byCount, bySize, pageCountOf, ratingFacet } from "../order-facet-values.ts";
import { PAGE_SIZE, type FacetValue, type SearchQuery, type SearchResult } from "../types.ts";
import type { Currency } from "@market/db/browser";
import { FACET_SEPARATOR, type AlgoliaRecord } from "./build-algolia-record.ts";
import { FACET_ATTRIBUTE, type FacetGroup } from "./build-algolia-requests.ts";

type CardRecord = Pick<
  AlgoliaRecord,
  "slug" | "title" | "brand" | "sellerSlug" | "sellerName" | "minPriceMinor" | "compareAtMinor" | "currency" | "ratingAverage" | "ratingCount" | "image"
>;

export function recordToCard(objectID: string, record: CardRecord): ProductCard {
  return {
    id: objectID,
    slug: record.slug,
    title: record.title,
    brand: record.brand ?? null,
    seller: { name: record.sellerName, slug: record.sellerSlug },
    price: { amountMinor: record.minPriceMinor, compareAtMinor: record.compareAtMinor ?? null, currency: record.currency as Currency },
    // One decimal, as the catalogue's cards show it.
    rating: { average: Math.round(record.ratingAverage * 10) / 10, count: record.ratingCount },
    image: record.image ? { url: fileUrl(record.image.storageKey), alt: record.image.alt || record.title } : null,
  };
}

type Counts = Record<string, number>;

export function mapAlgoliaResults(query: SearchQuery, responses: SearchResponse<CardRecord>[], disjunctive: FacetGroup[]): SearchResult {
  const [main, ...counting] = responses;
  if (!main) throw new Error("Algolia returned no result for the main request");
  const responseFor = (group: FacetGroup) => counting[disjunctive.indexOf(group)] ?? main;
  const countsOf = (group: FacetGroup): Counts => responseFor(group).facets?.[FACET_ATTRIBUTE[group]] ?? {};
  const plain = (counts: Counts): FacetValue[] => Object.entries(counts).map(([value, count]) => ({ value, label: value, count }));

  const sellers = Object.entries(countsOf("sellers")).map(([value, count]) => {
    const [slug = value, ...name] = value.split(FACET_SEPARATOR);
    return { value: slug, label: name.join(FACET_SEPARATOR) || slug, count };
  });
  const floors = countsOf("rating");
  const atLeast = (threshold: number) =>
    Object.entries(floors).reduce((sum, [floor, count]) => (Number(floor) >= threshold ? sum + count : sum), 0);
  const priceStats = responseFor("price").facets_stats?.[FACET_ATTRIBUTE.price];
  const total = main.nbHits ?? 0;

  return {
    hits: main.hits.map((hit) => recordToCard(hit.objectID, hit)),
    total,
    page: query.page,
    pageCount: pageCountOf(total, PAGE_SIZE),
    facets: {
      brands: byCount(plain(countsOf("brands")), query.brands),
      sizes: bySize(plain(countsOf("sizes")), query.sizes),
      colors: byCount(plain(countsOf("colors")), query.colors),
      sellers: byCount(sellers, query.sellers),
      price: priceStats && priceStats.min !== undefined && priceStats.max !== undefined ? { min: priceStats.min, max: priceStats.max } : null,
      ratings: ratingFacet(atLeast),
      inStock: countsOf("inStock")["true"] ?? 0,
    },
    // Algolia's typo tolerance corrects inside its ranking and does not say what it corrected.
    correctedQuery: null,
  };
}
