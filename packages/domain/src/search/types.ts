// The search contract the storefront relies on. Two implementations: PostgreSQL full-text
// search with pg_trgm (the default) and Algolia (when ALGOLIA_* is set). Category pages,
// seller pages and the search page all go through it, so browsing and searching share facets.
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

export type FacetValue = { value: string; label: string; count: number };

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
    /** How many matches have at least this average rating (4, 3, 2, 1). */
    ratings: FacetValue[];
    inStock: number;
  };
  /** When the query matched nothing as typed: what it probably meant ("platye" → "plate"). */
  correctedQuery: string | null;
};

export type Suggestion =
  | { kind: "product"; id: string; slug: string; title: string; imageUrl: string | null }
  | { kind: "category"; slug: string; name: string }
  | { kind: "query"; text: string };

/** What one product looks like in the index, whatever the engine. */
export type SearchDocument = {
  id: string;
  slug: string;
  title: string;
  description: string;
  brand: string | null;
  categorySlugs: string[]; // the category and all its ancestors
  categoryNames: string[];
  sellerSlug: string;
  sellerName: string;
  sizes: string[];
  colors: string[];
  minPriceMinor: number;
  currency: string;
  ratingAverage: number;
  ratingCount: number;
  popularity: number;
  inStock: boolean;
  createdAt: string;
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
  health(): Promise<boolean>;
}
