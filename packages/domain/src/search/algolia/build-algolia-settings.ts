// Index settings for Algolia, applied by `pnpm search:configure` (and before a full reindex).
// Algolia sorts by one ranking per index, so each sort order other than relevance is a replica:
// standard replicas (an exhaustive sort: every match strictly by price or date) for price and
// newest, where shoppers expect exactly that order; virtual replicas (relevant sort, no extra
// records) for popularity and rating, where relevance should still count.
import type { IndexSettings } from "algoliasearch";
import { FACET_VALUE_LIMIT } from "../order-facet-values.ts";
import { PAGE_SIZE, type SearchSort } from "../types.ts";
import { CARD_ATTRIBUTES } from "./build-algolia-record.ts";

/** Algolia's default ranking criteria, after which a standard replica's sort attribute would come. */
const DEFAULT_RANKING = ["typo", "geo", "words", "filters", "proximity", "attribute", "exact", "custom"];

type Replica = { sort: Exclude<SearchSort, "relevance">; suffix: string; kind: "standard" | "virtual"; settings: IndexSettings };

const REPLICAS: Replica[] = [
  { sort: "price_asc", suffix: "price_asc", kind: "standard", settings: { ranking: ["asc(minPriceMinor)", ...DEFAULT_RANKING] } },
  { sort: "price_desc", suffix: "price_desc", kind: "standard", settings: { ranking: ["desc(minPriceMinor)", ...DEFAULT_RANKING] } },
  { sort: "newest", suffix: "newest", kind: "standard", settings: { ranking: ["desc(listedAtTimestamp)", ...DEFAULT_RANKING] } },
  { sort: "popular", suffix: "popular", kind: "virtual", settings: { customRanking: ["desc(popularity)", "desc(ratingAverage)"] } },
  { sort: "rating", suffix: "rating", kind: "virtual", settings: { customRanking: ["desc(ratingAverage)", "desc(ratingCount)", "desc(popularity)"] } },
];

/** Settings shared by the primary index and its standard replicas. */
export function sharedSettings(): IndexSettings {
  return {
    // Title first; brand, category names and colours next, equally; the description last and
    // position-blind (a word late in a description matters as much as an early one).
    searchableAttributes: ["title", "brand,categoryNames,colors", "unordered(description)"],
    attributesForFaceting: [
      "searchable(brand)",
      "sizes",
      "colors",
      "seller",
      "filterOnly(sellerSlug)",
      "filterOnly(categorySlugs)",
      "searchable(categories)",
      "inStock",
      "ratingFloor",
      // Listed as a facet for its facets_stats (the price slider's range).
      "minPriceMinor",
    ],
    customRanking: ["desc(popularity)", "desc(ratingAverage)"],
    typoTolerance: true,
    minWordSizefor1Typo: 4,
    minWordSizefor2Typos: 8,
    // Plurals and stop words by the languages the shoppers type in.
    queryLanguages: ["ru", "en"],
    indexLanguages: ["ru", "en"],
    ignorePlurals: true,
    removeStopWords: true,
    attributesToRetrieve: [...CARD_ATTRIBUTES],
    attributesToHighlight: [],
    attributesToSnippet: [],
    hitsPerPage: PAGE_SIZE,
    // The query schema allows 500 pages; Algolia stops at 1,000 hits by default.
    paginationLimitedTo: 500 * PAGE_SIZE,
    maxValuesPerFacet: FACET_VALUE_LIMIT,
  };
}

export function replicaName(indexName: string, sort: SearchSort): string {
  const replica = REPLICAS.find((r) => r.sort === sort);
  return replica ? `${indexName}_${replica.suffix}` : indexName;
}

/** The primary's settings, including the replicas it owns. */
export function primarySettings(indexName: string): IndexSettings {
  return {
    ...sharedSettings(),
    replicas: REPLICAS.map((r) => (r.kind === "virtual" ? `virtual(${indexName}_${r.suffix})` : `${indexName}_${r.suffix}`)),
  };
}

/** Each replica's own settings: standard ones get everything, virtual ones only their ranking. */
export function replicaSettings(indexName: string): { indexName: string; settings: IndexSettings }[] {
  return REPLICAS.map((r) => ({
    indexName: `${indexName}_${r.suffix}`,
    settings: r.kind === "standard" ? { ...sharedSettings(), ...r.settings } : r.settings,
  }));
}
