// The production search engine when ALGOLIA_* is set: algoliasearch v5. Two clients, so that the
// apps' queries use the search-only key and only indexing and settings use the admin key.
// `algoliasearch` is imported on first use: a deployment on PostgreSQL search never loads it.
import type { Algoliasearch, BatchRequest, SearchResponse } from "algoliasearch";
import { getPrisma, type PrismaClient } from "@market/db";
import { fileUrl } from "../../files/index.ts";
import { countProducts, loadSearchDocuments, pageOfProductIds } from "../load-search-documents.ts";
import { searchQueryInput, type SearchEngine, type SearchQuery, type SearchResult, type Suggestion } from "../types.ts";
import { buildAlgoliaRecord, FACET_SEPARATOR } from "./build-algolia-record.ts";
import { buildAlgoliaRequests } from "./build-algolia-requests.ts";
import { primarySettings, replicaSettings } from "./build-algolia-settings.ts";
import { mapAlgoliaResults, recordToCard } from "./map-algolia-results.ts";

export type AlgoliaEngineOptions = {
  appId: string;
  adminKey: string;
  searchKey: string;
  indexName: string;
  /**
   * Base URLs that replace Algolia's hosts ("http://127.0.0.1:4010"): an egress proxy in
   * production, a local stand-in in tests.
   */
  hosts?: string[];
  /** Where documents are read from; default the process-wide client. */
  db?: () => PrismaClient;
};

/** Records per batch request: Algolia's recommended size (and its helpers' default). */
const BATCH_SIZE = 1_000;
/** A health answer is reused this long: probes every few seconds would otherwise be billed searches. */
const HEALTH_TTL_MS = 15_000;

type Host = NonNullable<NonNullable<Parameters<typeof import("algoliasearch").algoliasearch>[2]>["hosts"]>[number];

function toHosts(urls: string[]): Host[] {
  return urls.map((raw) => {
    const url = new URL(raw);
    const protocol = url.protocol === "http:" ? "http" : "https";
    return { url: url.hostname, ...(url.port ? { port: Number(url.port) } : {}), accept: "readWrite", protocol };
  });
}

export function createAlgoliaEngine(options: AlgoliaEngineOptions): SearchEngine {
  const { indexName } = options;
  const db = options.db ?? getPrisma;
  const clients = new Map<string, Promise<Algoliasearch>>();
  const client = (apiKey: string) => {
    let made = clients.get(apiKey);
    if (!made) {
      made = import("algoliasearch").then(({ algoliasearch }) =>
        algoliasearch(options.appId, apiKey, options.hosts?.length ? { hosts: toHosts(options.hosts) } : {}),
      );
      clients.set(apiKey, made);
    }
    return made;
  };
  const searching = () => client(options.searchKey);
  const indexing = () => client(options.adminKey);
  let lastHealth: { at: number; up: boolean } | undefined;

  /** Upserts the listed ones among these products and deletes the rest, in batch requests. */
  async function sync(productIds: readonly string[]): Promise<Set<string>> {
    const ids = [...new Set(productIds)];
    const documents = await loadSearchDocuments(ids, db());
    const listed = new Set(documents.map((d) => d.id));
    const requests: BatchRequest[] = [
      ...documents.map((doc): BatchRequest => ({ action: "updateObject", body: buildAlgoliaRecord(doc) })),
      ...ids.filter((id) => !listed.has(id)).map((id): BatchRequest => ({ action: "deleteObject", body: { objectID: id } })),
    ];
    const admin = await indexing();
    for (let i = 0; i < requests.length; i += BATCH_SIZE) {
      await admin.batch({ indexName, batchWriteParams: { requests: requests.slice(i, i + BATCH_SIZE) } });
    }
    return listed;
  }

  return {
    name: "algolia",

    async search(input: SearchQuery): Promise<SearchResult> {
      const query = searchQueryInput.parse(input);
      const { requests, disjunctive } = buildAlgoliaRequests(indexName, query);
      const { results } = await (await searching()).search<Parameters<typeof recordToCard>[1]>({ requests });
      return mapAlgoliaResults(query, results as SearchResponse<Parameters<typeof recordToCard>[1]>[], disjunctive);
    },

    async suggest(prefix: string, limit = 5): Promise<Suggestion[]> {
      const text = prefix.trim();
      if (!text) return [];
      const { results } = await (await searching()).search<Parameters<typeof recordToCard>[1]>({
        requests: [
          { indexName, type: "facet", facet: "categories", facetQuery: text, maxFacetHits: 3, analytics: false },
          { indexName, query: text, hitsPerPage: limit, attributesToRetrieve: ["slug", "title", "image"], analytics: false, clickAnalytics: false },
        ],
      });
      const [categoryResult, productResult] = results as [
        { facetHits?: { value: string }[] },
        SearchResponse<{ slug: string; title: string; image: { storageKey: string } | null }>,
      ];
      const categories = (categoryResult.facetHits ?? []).map((hit): Suggestion => {
        const [slug = hit.value, name = slug, nameRu = name] = hit.value.split(FACET_SEPARATOR);
        return { kind: "category", slug, name, nameRu };
      });
      const products = (productResult.hits ?? []).map(
        (hit): Suggestion => ({ kind: "product", id: hit.objectID, slug: hit.slug, title: hit.title, imageUrl: hit.image ? fileUrl(hit.image.storageKey) : null }),
      );
      return [...categories, ...products];
    },

    async syncProducts(productIds: string[]) {
      for (let i = 0; i < productIds.length; i += BATCH_SIZE) await sync(productIds.slice(i, i + BATCH_SIZE));
    },

    /**
     * Rewrites every record in place (no temporary index to swap in: replicas follow the primary
     * without being rebuilt, and search keeps answering throughout), then deletes records whose
     * product no longer exists at all.
     */
    async reindexAll(onProgress) {
      const total = await countProducts(db());
      const listed = new Set<string>();
      let done = 0;
      onProgress?.(done, total);
      for (let after: string | null = null; ; ) {
        const ids = await pageOfProductIds(after, BATCH_SIZE, db());
        if (ids.length === 0) break;
        for (const id of await sync(ids)) listed.add(id);
        done += ids.length;
        onProgress?.(done, Math.max(total, done));
        after = ids[ids.length - 1]!;
      }
      const admin = await indexing();
      const stale: string[] = [];
      await admin.browseObjects<{ objectID: string }>({
        indexName,
        browseParams: { attributesToRetrieve: ["objectID"] },
        aggregator: (page) => {
          for (const hit of page.hits) if (!listed.has(hit.objectID)) stale.push(hit.objectID);
        },
      });
      if (stale.length) await admin.deleteObjects({ indexName, objectIDs: stale });
    },

    async configure() {
      const admin = await indexing();
      // The primary first, with its replica list; once Algolia has created the replicas, each
      // gets its own ranking.
      const { taskID } = await admin.setSettings({ indexName, indexSettings: primarySettings(indexName) });
      await admin.waitForTask({ indexName, taskID });
      for (const replica of replicaSettings(indexName)) {
        await admin.setSettings({ indexName: replica.indexName, indexSettings: replica.settings });
      }
    },

    async health() {
      if (lastHealth && Date.now() - lastHealth.at < HEALTH_TTL_MS) return lastHealth.up;
      let up = false;
      try {
        await (await searching()).searchSingleIndex(
          { indexName, searchParams: { query: "", hitsPerPage: 0, analytics: false } },
          { timeouts: { connect: 2_000, read: 2_000 } },
        );
        up = true;
      } finally {
        lastHealth = { at: Date.now(), up };
      }
      return up;
    },
  };
}

