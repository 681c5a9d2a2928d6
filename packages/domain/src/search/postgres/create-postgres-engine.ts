// The default search engine: PostgreSQL full-text search over "ProductSearchEntry", with pg_trgm
// for typos and suggestions. Nothing to run besides the database the catalogue already lives in.
import { getPrisma, type PrismaClient } from "@market/db";
import { createMemo, filterKeyOf } from "../cache-search-results.ts";
import { loadProductCards } from "../load-product-cards.ts";
import { byCount, bySize, pageCountOf, ratingFacet } from "../order-facet-values.ts";
import type { ProductCard } from "../../catalog/product-card.ts";
import { PAGE_SIZE, searchQueryInput, type SearchEngine, type SearchQuery, type SearchResult } from "../types.ts";
import { correctSpelling } from "./correct-spelling.ts";
import { queryFacets, queryHitIds, type EntryFacets, type TextMatch } from "./query-search-entries.ts";
import { suggestFromEntries } from "./suggest-from-entries.ts";
import { reindexSearchEntries, syncSearchEntries } from "./sync-search-entries.ts";

export type PostgresEngineOptions = {
  /** The client to use; default the process-wide one, looked up on each call (tests swap it). */
  db?: () => PrismaClient;
  /**
   * How long facet counts are reused for the same matches and filters (0: not at all). Shoppers
   * re-sort and page through a listing far more often than they change its filters, and the
   * counts are the expensive part of a listing; the hits are always read fresh.
   */
  facetCacheTtlMs?: number;
};

type Listing = { facets: EntryFacets; hits: ProductCard[] };

const NO_FACETS: EntryFacets = {
  total: 0,
  matched: 0,
  brands: [],
  sizes: [],
  colors: [],
  sellers: [],
  price: null,
  ratingsAtLeast: { "4": 0, "3": 0, "2": 0, "1": 0 },
  inStock: 0,
};

export function createPostgresEngine({ db = getPrisma, facetCacheTtlMs = 0 }: PostgresEngineOptions = {}): SearchEngine {
  const facetCache = createMemo<EntryFacets>({ ttlMs: facetCacheTtlMs, maxEntries: 1_000 });

  /** Facets and the page of hits, side by side on two connections. */
  async function list(query: SearchQuery, match: TextMatch): Promise<Listing> {
    const key = JSON.stringify([match, ...filterKeyOf(query)]);
    const [facets, hits] = await Promise.all([
      facetCache.get(key, () => queryFacets(query, match, db())),
      queryHitIds(query, match, db()).then((ids) => loadProductCards(ids, db())),
    ]);
    return { facets, hits };
  }

  return {
    name: "postgres",

    async search(input: SearchQuery): Promise<SearchResult> {
      const query = searchQueryInput.parse(input);
      const text = query.q.trim();
      if (!text) return toResult(query, await list(query, { kind: "all" }), null);

      // A query of stop words only ("the") or of no words at all ("!!!") makes an empty tsquery,
      // which no index can answer: PostgreSQL would test every row and find nothing.
      const [parsed] = await db().$queryRaw<{ nodes: number; normalised: string }[]>`
        SELECT numnode(websearch_to_tsquery('market_search'::regconfig, ${text})) AS nodes, lower(unaccent(${text})) AS normalised`;
      if (parsed && parsed.nodes > 0) {
        const asTyped = await list(query, { kind: "words", text });
        if (asTyped.facets.matched > 0) return toResult(query, asTyped, null);
      }

      // The words found nothing (facet filters aside): try the closest spelling the catalogue
      // knows, then similarity of the whole text to titles.
      const corrected = await correctSpelling(text, db());
      if (corrected) {
        const listing = await list(query, { kind: "words", text: corrected });
        if (listing.facets.matched > 0) return toResult(query, listing, corrected);
      }
      // Trigram similarity needs a word long enough to have telling trigrams: "the" shares one
      // with half the catalogue, and "!!!" has none, so no index could help.
      const normalised = parsed?.normalised ?? "";
      if (!/[\p{L}\p{N}]{4}/u.test(normalised)) return toResult(query, { facets: NO_FACETS, hits: [] }, null);
      return toResult(query, await list(query, { kind: "similar", text: normalised }), null);
    },

    suggest(prefix: string, limit = 5) {
      return suggestFromEntries(prefix, limit, db());
    },

    async syncProducts(productIds: string[]) {
      await syncSearchEntries(productIds, db());
      facetCache.clear();
    },

    async reindexAll(onProgress) {
      await reindexSearchEntries(onProgress, db());
      facetCache.clear();
    },

    // Settings live in the migration (text search configuration, indexes): nothing to apply.
    async configure() {},

    async health() {
      // Reads the index table itself: the database being up is not enough if the table is
      // missing (migrations not applied) or locked.
      await db().$queryRaw`SELECT 1 FROM "ProductSearchEntry" LIMIT 1`;
      return true;
    },
  };
}

function toResult(query: SearchQuery, { facets, hits }: Listing, correctedQuery: string | null): SearchResult {
  return {
    hits,
    total: facets.total,
    page: query.page,
    pageCount: pageCountOf(facets.total, PAGE_SIZE),
    facets: {
      brands: byCount(facets.brands.map(([value, count]) => ({ value, label: value, count })), query.brands),
      sizes: bySize(facets.sizes.map(([value, count]) => ({ value, label: value, count })), query.sizes),
      colors: byCount(facets.colors.map(([value, count]) => ({ value, label: value, count })), query.colors),
      sellers: byCount(facets.sellers.map(([value, label, count]) => ({ value, label, count })), query.sellers),
      price: facets.price,
      ratings: ratingFacet((threshold) => facets.ratingsAtLeast[String(threshold) as "1" | "2" | "3" | "4"]),
      inStock: facets.inStock,
    },
    correctedQuery,
  };
}
