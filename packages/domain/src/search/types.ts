// The search contract the storefront relies on. Two implementations: PostgreSQL full-text
// search with pg_trgm (the default) and Algolia (when ALGOLIA_* is set). Category pages,
// seller pages and the search page all go through it, so browsing and searching share facets.
import type { Currency } from "@market/db/browser";
import { z } from "zod";
import type { ProductCard } from "../catalog/product-card.ts";

export const SORTS = ["relevance", "popular", "price_asc", "price_desc", "newest", "rating"] as const;
export type SearchSort = (typeof SORTS)[number];

export const PAGE_SIZE = 24;

/** Everything a listing's URL can hold: shareable, and the back button restores it. */
export const searchQueryInput = z.object({
  q: z.string().trim().max(200).default(""),
  /** Category slug: the category and everything under it. */
  category: z.string().max(100).optional(),
  /** Seller slug, for a seller's storefront page. */
  seller: z.string().max(100).optional(),
  brands: z.array(z.string().max(100)).max(50).default([]),
  sizes: z.array(z.string().max(30)).max(50).default([]),
  colors: z.array(z.string().max(50)).max(50).default([]),
  sellers: z.array(z.string().max(100)).max(50).default([]),
  /** Price bounds in minor units. */
  priceMin: z.number().int().min(0).optional(),
  priceMax: z.number().int().min(0).optional(),
  /** Minimum average rating, 1-5. */
  ratingMin: z.number().min(1).max(5).optional(),
  inStock: z.boolean().default(false),
  sort: z.enum(SORTS).default("relevance"),
  page: z.number().int().min(1).max(500).default(1),
});
export type SearchQuery = z.infer<typeof searchQueryInput>;
export type SearchQueryInput = z.input<typeof searchQueryInput>;

/** What the header's search box sends while the shopper types. */
export const suggestInput = z.object({ q: z.string().trim().min(1).max(100) });
export type SuggestInput = z.infer<typeof suggestInput>;

export type FacetValue = { value: string; label: string; count: number };

/**
 * Facet counts are disjunctive, as shoppers expect: each facet is counted with every filter
 * applied except its own, so ticking one brand still shows how many the other brands would add,
 * and the price range and rating counts do not shrink to the chosen range.
 */
export type SearchResult = {
  hits: ProductCard[];
  total: number;
  page: number;
  pageCount: number;
  facets: {
    brands: FacetValue[];
    sizes: FacetValue[];
    colors: FacetValue[];
    sellers: FacetValue[];
    /** Cheapest and dearest price among the matches, in minor units, for the price slider. */
    price: { min: number; max: number } | null;
    /** How many matches have at least this average rating: values "4", "3", "2", "1". */
    ratings: FacetValue[];
    /** How many matches are in stock. */
    inStock: number;
  };
  /**
   * When the query matched nothing as typed and the hits are for a corrected spelling, that
   * spelling ("cardgian" → "cardigan"); null when the query was used as typed. Algolia corrects
   * typos inside its ranking and never reports one, so it is always null there.
   */
  correctedQuery: string | null;
};

export type Suggestion =
  | { kind: "product"; id: string; slug: string; title: string; imageUrl: string | null }
  | { kind: "category"; slug: string; name: string; nameRu: string }
  | { kind: "query"; text: string };

/**
 * What one product looks like in the index, whatever the engine (loaded by
 * load-search-documents.ts). Only listed products have one: ACTIVE, from a seller that is not
 * suspended, with at least one active variant. It carries what a product card shows, so that an
 * engine outside the database (Algolia) can answer with cards while the database is down.
 */
export type SearchDocument = {
  id: string;
  slug: string;
  title: string;
  description: string;
  brand: string | null;
  /** The product's category and all its ancestors, root first. */
  categories: { slug: string; name: string; nameRu: string }[];
  sellerSlug: string;
  sellerName: string;
  sizes: string[];
  colors: string[];
  /** The cheapest active variant's price, and its crossed-out price if it has one. */
  minPriceMinor: number;
  compareAtMinor: number | null;
  currency: Currency;
  ratingAverage: number;
  ratingCount: number;
  popularity: number;
  inStock: boolean;
  /** The first picture, as a file-store key (the URL is derived where it is shown). */
  image: { storageKey: string; alt: string } | null;
  /** When it was listed (published, or created if it has no publication date): "newest". */
  listedAt: string;
};

export interface SearchEngine {
  readonly name: "postgres" | "algolia";
  search(query: SearchQuery): Promise<SearchResult>;
  suggest(prefix: string, limit?: number): Promise<Suggestion[]>;
  /** Brings these products' index entries up to date (deleted or unpublished ones are removed). */
  syncProducts(productIds: string[]): Promise<void>;
  /** Rebuilds everything, reporting progress as (done, total). */
  reindexAll(onProgress?: (done: number, total: number) => void): Promise<void>;
  /** Applies engine settings (searchable attributes, facets, ranking). A no-op for PostgreSQL. */
  configure(): Promise<void>;
  /** True when the engine answers; false or a throw both mean down to the health check. */
  health(): Promise<boolean>;
}
