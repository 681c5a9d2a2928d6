// The one place that decides which search engine this process uses: Algolia when its three
// credentials are set, PostgreSQL otherwise (see packages/config/src/env.ts for the variables).
import { searchEnv } from "@market/config/env";
import type { PrismaClient } from "@market/db";
import { createAlgoliaEngine } from "./algolia/create-algolia-engine.ts";
import { cacheSearchResults } from "./cache-search-results.ts";
import { createPostgresEngine } from "./postgres/create-postgres-engine.ts";
import type { SearchEngine } from "./types.ts";

let engine: SearchEngine | undefined;

/**
 * Picks the engine for this environment. Throws EnvError on a half-set Algolia configuration.
 * `db` is the catalogue's client (default: the process-wide one on DATABASE_URL).
 */
export function createSearchEngineFromEnv(source: Record<string, string | undefined> = process.env, { db }: { db?: () => PrismaClient } = {}): SearchEngine {
  const env = searchEnv(source);
  if (env.ALGOLIA_APP_ID && env.ALGOLIA_ADMIN_KEY && env.ALGOLIA_SEARCH_KEY) {
    return createAlgoliaEngine({
      appId: env.ALGOLIA_APP_ID,
      adminKey: env.ALGOLIA_ADMIN_KEY,
      searchKey: env.ALGOLIA_SEARCH_KEY,
      indexName: env.ALGOLIA_INDEX_NAME,
      ...(env.ALGOLIA_HOSTS ? { hosts: env.ALGOLIA_HOSTS.split(",").map((url) => url.trim()) } : {}),
      ...(db ? { db } : {}),
    });
  }
  return createPostgresEngine({ ...(db ? { db } : {}), facetCacheTtlMs: env.SEARCH_CACHE_TTL_SECONDS * 1000 });
}

/**
 * The process-wide engine, chosen on first use (so importing this never needs the variables),
 * with answers cached for SEARCH_CACHE_TTL_SECONDS.
 */
export function getSearchEngine(): SearchEngine {
  engine ??= cacheSearchResults(createSearchEngineFromEnv(), { ttlMs: searchEnv().SEARCH_CACHE_TTL_SECONDS * 1000 });
  return engine;
}

/** Replaces the process-wide engine (tests); undefined goes back to choosing from the environment. */
export function setSearchEngine(replacement: SearchEngine | undefined): void {
  engine = replacement;
}
