// Listings are read far more often than the catalogue changes, and the same few pages (a
// department's first page, a popular query) are asked for by many shoppers at once. This keeps
// each answer for a short time in the process and lets concurrent identical requests share one
// engine call. The cost: a listing may show a price or a stock flag up to `ttlMs` old (product
// pages, the cart and checkout read the catalogue itself). With Algolia it also saves billed
// searches.
import type { SearchEngine, SearchQuery, SearchResult, Suggestion } from "./types.ts";

export type SearchCacheOptions = {
  /** How long an answer is reused; 0 turns the cache off (single-flight stays). */
  ttlMs: number;
  /**
   * Most answers kept; the least recently used go first. An answer is tens of KB of heap (24
   * cards and the facets), and a big heap makes the server's garbage collection pauses longer.
   */
  maxEntries?: number;
  now?: () => number;
};

type Entry<T> = { value: Promise<T>; expires: number };

/** A small LRU map of promises: a pending answer is shared, a failed one is forgotten at once. */
export function createMemo<T>({ ttlMs, maxEntries = 300, now = Date.now }: SearchCacheOptions) {
  const entries = new Map<string, Entry<T>>();
  return {
    get(key: string, compute: () => Promise<T>): Promise<T> {
      const found = entries.get(key);
      if (found && found.expires > now()) {
        // Re-inserting moves the key to the end: Map iteration order is the LRU order.
        entries.delete(key);
        entries.set(key, found);
        return found.value;
      }
      const value = compute();
      const entry: Entry<T> = { value, expires: Number.POSITIVE_INFINITY };
      entries.set(key, entry);
      value.then(
        () => {
          // Kept for ttlMs from when it arrived; with a ttl of 0 only while it was pending.
          if (ttlMs > 0) entry.expires = now() + ttlMs;
          else if (entries.get(key) === entry) entries.delete(key);
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}

/**
 * What selects a listing's matches and facet counts: everything but the sort order and the page.
 * Field order is fixed and filter values are sorted, so equal queries make equal keys.
 */
export function filterKeyOf(query: SearchQuery): unknown[] {
  return [
    query.q,
    query.category ?? null,
    query.seller ?? null,
    [...query.brands].sort(),
    [...query.sizes].sort(),
    [...query.colors].sort(),
    [...query.sellers].sort(),
    query.priceMin ?? null,
    query.priceMax ?? null,
    query.ratingMin ?? null,
    query.inStock,
  ];
}

function keyOf(query: SearchQuery): string {
  return JSON.stringify([...filterKeyOf(query), query.sort, query.page]);
}

export function cacheSearchResults(engine: SearchEngine, options: SearchCacheOptions): SearchEngine {
  const results = createMemo<SearchResult>(options);
  const suggestions = createMemo<Suggestion[]>(options);
  const clear = () => {
    results.clear();
    suggestions.clear();
  };
  return {
    name: engine.name,
    search: (query) => results.get(keyOf(query), () => engine.search(query)),
    suggest: (prefix, limit) => suggestions.get(JSON.stringify([prefix.trim().toLowerCase(), limit ?? null]), () => engine.suggest(prefix, limit)),
    // This process's own changes show at once; other processes' within the ttl.
    syncProducts: async (ids) => {
      await engine.syncProducts(ids);
      clear();
    },
    reindexAll: async (onProgress) => {
      await engine.reindexAll(onProgress);
      clear();
    },
    configure: () => engine.configure(),
    health: () => engine.health(),
  };
}
