// The Algolia adapter against a local HTTP server standing in for Algolia: what it asks Algolia to
// store, configure and search, and how it reads the answers. (Algolia's hosts are unreachable
// from CI; the client accepts custom hosts, which is also how a proxy would be configured.)
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { getPrisma } from "@market/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSearchEngineFromEnv } from "../get-search-engine.ts";
import { insertSearchFixture, type SearchFixture } from "../insert-search-fixture.ts";
import { searchQueryInput } from "../types.ts";
import { createAlgoliaEngine } from "./create-algolia-engine.ts";

type Recorded = { method: string; path: string; query: URLSearchParams; headers: http.IncomingHttpHeaders; body: any };

const recorded: Recorded[] = [];
let respond: (request: Recorded) => unknown = () => ({});
let server: http.Server;
let baseUrl: string;
let fixture: SearchFixture;

function defaultAnswer(request: Recorded): unknown {
  if (request.method === "PUT" && request.path.endsWith("/settings")) return { taskID: 7, updatedAt: "2026-06-01T00:00:00Z" };
  if (request.method === "GET" && /\/task\/\d+$/.test(request.path)) return { status: "published", pendingTask: false };
  if (request.path.endsWith("/batch")) return { taskID: 8, objectIDs: request.body.requests.map((r: any) => r.body.objectID) };
  if (request.path.endsWith("/browse")) return { hits: [], nbHits: 0, page: 0, nbPages: 0, hitsPerPage: 1000, processingTimeMS: 1, query: "", params: "" };
  return {};
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      let raw = Buffer.concat(chunks);
      if (req.headers["content-encoding"] === "gzip") raw = gunzipSync(raw);
      const url = new URL(req.url ?? "/", "http://localhost");
      const request: Recorded = {
        method: req.method ?? "GET",
        path: decodeURIComponent(url.pathname),
        query: url.searchParams,
        headers: req.headers,
        body: raw.length ? JSON.parse(raw.toString("utf8")) : undefined,
      };
      recorded.push(request);
      const answer = respond(request) ?? defaultAnswer(request);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fixture = await insertSearchFixture();
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  recorded.length = 0;
  respond = () => undefined;
});

const engine = () =>
  createAlgoliaEngine({ appId: "TESTAPP", adminKey: "admin-key", searchKey: "search-key", indexName: "products", hosts: [baseUrl] });

const apiKeyOf = (r: Recorded) => r.headers["x-algolia-api-key"] ?? r.query.get("x-algolia-api-key");

describe("Algolia engine: index settings", () => {
  it("configures the primary index with its replicas, waits for it, then each replica's ranking", async () => {
    await engine().configure();
    const settings = recorded.filter((r) => r.method === "PUT");
    expect(settings.map((r) => r.path)).toEqual([
      "/1/indexes/products/settings",
      "/1/indexes/products_price_asc/settings",
      "/1/indexes/products_price_desc/settings",
      "/1/indexes/products_newest/settings",
      "/1/indexes/products_popular/settings",
      "/1/indexes/products_rating/settings",
    ]);
    expect(recorded.some((r) => r.method === "GET" && r.path === "/1/indexes/products/task/7")).toBe(true);
    expect(settings.every((r) => apiKeyOf(r) === "admin-key" && r.headers["x-algolia-application-id"] === "TESTAPP")).toBe(true);

    const primary = settings[0]!.body;
    expect(primary).toMatchObject({
      searchableAttributes: ["title", "brand,categoryNames,colors", "unordered(description)"],
      customRanking: ["desc(popularity)", "desc(ratingAverage)"],
      typoTolerance: true,
      queryLanguages: ["ru", "en"],
      ignorePlurals: true,
      hitsPerPage: 24,
      replicas: ["products_price_asc", "products_price_desc", "products_newest", "virtual(products_popular)", "virtual(products_rating)"],
    });
    expect(primary.attributesForFaceting).toEqual(
      expect.arrayContaining(["searchable(brand)", "sizes", "colors", "seller", "filterOnly(categorySlugs)", "inStock", "ratingFloor", "minPriceMinor"]),
    );
    // Standard replicas: the same settings with their sort first; virtual ones: ranking only.
    expect(settings[1]!.body.ranking[0]).toBe("asc(minPriceMinor)");
    expect(settings[1]!.body.attributesForFaceting).toEqual(primary.attributesForFaceting);
    expect(settings[3]!.body.ranking[0]).toBe("desc(listedAtTimestamp)");
    expect(settings[5]!.body).toEqual({ customRanking: ["desc(ratingAverage)", "desc(ratingCount)", "desc(popularity)"] });
  });
});

describe("Algolia engine: records", () => {
  it("sends a listed product as a whole record and deletes one that is not listed", async () => {
    await engine().syncProducts([fixture.productIds.beltedDress!, fixture.productIds.draftDress!]);
    const [batch] = recorded.filter((r) => r.path === "/1/indexes/products/batch");
    expect(apiKeyOf(batch!)).toBe("admin-key");
    expect(batch!.body.requests).toEqual([
      {
        action: "updateObject",
        body: {
          objectID: fixture.productIds.beltedDress,
          slug: "belteddress",
          title: "Linen Dress with Belt",
          description: "Linen, with a woven belt.",
          brand: "Aurora",
          categorySlugs: ["women", "dresses"],
          categoryNames: ["Women", "Женщинам", "Dresses", "Платья"],
          categories: ["women|Women|Женщинам", "dresses|Dresses|Платья"],
          sellerSlug: "volga-home",
          sellerName: "Volga Home",
          seller: "volga-home|Volga Home",
          sizes: ["L"],
          colors: ["Blue"],
          minPriceMinor: 450_000,
          compareAtMinor: 600_000,
          currency: "RUB",
          ratingAverage: 3.5,
          ratingFloor: 3,
          ratingCount: 2,
          popularity: 80,
          inStock: false,
          image: { storageKey: "products/beltedDress/1.svg", alt: "Linen Dress with Belt" },
          listedAt: "2026-05-27T12:00:00.000Z",
          listedAtTimestamp: Date.parse("2026-05-27T12:00:00.000Z") / 1000,
        },
      },
      { action: "deleteObject", body: { objectID: fixture.productIds.draftDress } },
    ]);
  });

  it("reindexes everything, reporting progress, and deletes records of products that are gone", async () => {
    respond = (r) =>
      r.path.endsWith("/browse")
        ? { hits: [{ objectID: fixture.productIds.linenDress }, { objectID: "gone-product" }], nbHits: 2, page: 0, nbPages: 1, hitsPerPage: 1000, processingTimeMS: 1, query: "", params: "" }
        : undefined;
    const progress: [number, number][] = [];
    await engine().reindexAll((done, total) => progress.push([done, total]));
    expect(progress).toEqual([
      [0, 38],
      [38, 38],
    ]);
    const batches = recorded.filter((r) => r.path === "/1/indexes/products/batch").map((r) => r.body.requests);
    const actions = batches.flat().map((r: any) => r.action);
    expect(actions.filter((a: string) => a === "updateObject")).toHaveLength(36);
    expect(batches.at(-1)).toEqual([{ action: "deleteObject", body: { objectID: "gone-product" } }]);
    expect(recorded.find((r) => r.path.endsWith("/browse"))!.body).toMatchObject({ attributesToRetrieve: ["objectID"] });
  });
});

describe("Algolia engine: search", () => {
  const hit = {
    objectID: "p1",
    slug: "linen-dress",
    title: "Linen Dress",
    brand: "Aurora",
    sellerSlug: "nordic-threads",
    sellerName: "Nordic Threads",
    minPriceMinor: 300_000,
    compareAtMinor: null,
    currency: "RUB",
    ratingAverage: 4.63,
    ratingCount: 10,
    image: { storageKey: "products/p1/1.svg", alt: "" },
  };
  const response = (extra: object) => ({ hits: [], nbHits: 0, page: 0, nbPages: 0, hitsPerPage: 24, processingTimeMS: 1, query: "", params: "", exhaustiveNbHits: true, ...extra });

  it("maps the query to filters on the sort's replica, with one counting request per filtered facet", async () => {
    respond = (r) =>
      r.path === "/1/indexes/*/queries"
        ? {
            results: [
              response({
                hits: [hit],
                nbHits: 30,
                nbPages: 2,
                page: 1,
                facets: {
                  brand: { Aurora: 30 },
                  sizes: { M: 10, S: 20, XL: 2 },
                  colors: { Red: 30 },
                  seller: { "nordic-threads|Nordic Threads": 30 },
                  ratingFloor: { "4": 30 },
                  inStock: { true: 30 },
                  minPriceMinor: { "300000": 30 },
                },
                facets_stats: { minPriceMinor: { min: 300_000, max: 300_000, avg: 300_000, sum: 9_000_000 } },
              }),
              response({ facets: { brand: { Aurora: 30, Selene: 4 } } }),
              response({ facets: { minPriceMinor: {} }, facets_stats: { minPriceMinor: { min: 100_000, max: 1_200_000, avg: 1, sum: 1 } } }),
              response({ facets: { ratingFloor: { "5": 3, "4": 30, "3": 5, "0": 2 } } }),
              response({ facets: { inStock: { true: 30, false: 9 } } }),
            ],
          }
        : undefined;

    const result = await engine().search(
      searchQueryInput.parse({ q: "linen dress", category: "women", brands: ["Aurora"], priceMin: 100_000, ratingMin: 4, inStock: true, sort: "price_asc", page: 2 }),
    );

    const [call] = recorded;
    expect(call!.path).toBe("/1/indexes/*/queries");
    expect(apiKeyOf(call!)).toBe("search-key");
    const [main, ...counting] = call!.body.requests;
    expect(main).toMatchObject({
      indexName: "products_price_asc",
      query: "linen dress",
      page: 1,
      hitsPerPage: 24,
      facetFilters: ["categorySlugs:women", ["brand:Aurora"], "inStock:true"],
      numericFilters: ["minPriceMinor>=100000", "ratingAverage>=4"],
    });
    expect(main.facets).toEqual(expect.arrayContaining(["brand", "sizes", "colors", "seller", "minPriceMinor", "ratingFloor", "inStock"]));
    expect(counting).toEqual([
      expect.objectContaining({ indexName: "products", hitsPerPage: 0, facets: ["brand"], facetFilters: ["categorySlugs:women", "inStock:true"], numericFilters: ["minPriceMinor>=100000", "ratingAverage>=4"], analytics: false }),
      expect.objectContaining({ facets: ["minPriceMinor"], facetFilters: ["categorySlugs:women", ["brand:Aurora"], "inStock:true"], numericFilters: ["ratingAverage>=4"] }),
      expect.objectContaining({ facets: ["ratingFloor"], numericFilters: ["minPriceMinor>=100000"] }),
      expect.objectContaining({ facets: ["inStock"], facetFilters: ["categorySlugs:women", ["brand:Aurora"]] }),
    ]);

    expect(result).toEqual({
      hits: [
        {
          id: "p1",
          slug: "linen-dress",
          title: "Linen Dress",
          brand: "Aurora",
          seller: { name: "Nordic Threads", slug: "nordic-threads" },
          price: { amountMinor: 300_000, compareAtMinor: null, currency: "RUB" },
          rating: { average: 4.6, count: 10 },
          image: { url: "/files/products/p1/1.svg", alt: "Linen Dress" },
        },
      ],
      total: 30,
      page: 2,
      pageCount: 2,
      facets: {
        brands: [
          { value: "Aurora", label: "Aurora", count: 30 },
          { value: "Selene", label: "Selene", count: 4 },
        ],
        sizes: [
          { value: "S", label: "S", count: 20 },
          { value: "M", label: "M", count: 10 },
          { value: "XL", label: "XL", count: 2 },
        ],
        colors: [{ value: "Red", label: "Red", count: 30 }],
        sellers: [{ value: "nordic-threads", label: "Nordic Threads", count: 30 }],
        price: { min: 100_000, max: 1_200_000 },
        ratings: [
          { value: "4", label: "4+", count: 33 },
          { value: "3", label: "3+", count: 38 },
          { value: "2", label: "2+", count: 38 },
          { value: "1", label: "1+", count: 38 },
        ],
        inStock: 30,
      },
      correctedQuery: null,
    });
  });

  it("searches the primary index for relevance and sends no counting request without filters", async () => {
    respond = (r) => (r.path === "/1/indexes/*/queries" ? { results: [response({})] } : undefined);
    const result = await engine().search(searchQueryInput.parse({ seller: "-odd-seller" }));
    const [main, ...counting] = recorded[0]!.body.requests;
    expect(main).toMatchObject({ indexName: "products", query: "", page: 0, facetFilters: ["sellerSlug:\\-odd-seller"], numericFilters: [] });
    expect(counting).toEqual([]);
    expect(result).toMatchObject({ hits: [], total: 0, pageCount: 0, facets: { price: null, inStock: 0 } });
  });

  it("suggests categories from facet values and products from hits, in one request", async () => {
    respond = (r) =>
      r.path === "/1/indexes/*/queries"
        ? {
            results: [
              { facetHits: [{ value: "dresses|Dresses|Платья", highlighted: "", count: 4 }], exhaustiveFacetsCount: true, processingTimeMS: 1 },
              response({ hits: [{ objectID: "p1", slug: "linen-dress", title: "Linen Dress", image: { storageKey: "products/p1/1.svg", alt: "" } }] }),
            ],
          }
        : undefined;
    const suggestions = await engine().suggest("dre", 4);
    const [facetRequest, hitsRequest] = recorded[0]!.body.requests;
    expect(facetRequest).toMatchObject({ indexName: "products", type: "facet", facet: "categories", facetQuery: "dre", maxFacetHits: 3 });
    expect(hitsRequest).toMatchObject({ indexName: "products", query: "dre", hitsPerPage: 4 });
    expect(suggestions).toEqual([
      { kind: "category", slug: "dresses", name: "Dresses", nameRu: "Платья" },
      { kind: "product", id: "p1", slug: "linen-dress", title: "Linen Dress", imageUrl: "/files/products/p1/1.svg" },
    ]);
  });
});

describe("Algolia engine: health and selection", () => {
  it("is healthy when Algolia answers a search, with the search key", async () => {
    respond = (r) => (r.path === "/1/indexes/products/query" ? { hits: [], nbHits: 0, page: 0, nbPages: 0, hitsPerPage: 0, processingTimeMS: 1, query: "", params: "" } : undefined);
    expect(await engine().health()).toBe(true);
    expect(recorded.map((r) => [r.path, apiKeyOf(r)])).toEqual([["/1/indexes/products/query", "search-key"]]);
  });

  it("is down when Algolia cannot be reached", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = createAlgoliaEngine({ appId: "TESTAPP", adminKey: "a", searchKey: "s", indexName: "products", hosts: [`http://127.0.0.1:${port}`] });
    await expect(unreachable.health()).rejects.toThrow();
  });

  it("is chosen when all three credentials are set, and PostgreSQL otherwise", () => {
    expect(createSearchEngineFromEnv({ ALGOLIA_APP_ID: "APP", ALGOLIA_ADMIN_KEY: "a", ALGOLIA_SEARCH_KEY: "s" }).name).toBe("algolia");
    expect(createSearchEngineFromEnv({}).name).toBe("postgres");
    expect(() => createSearchEngineFromEnv({ ALGOLIA_APP_ID: "APP" })).toThrow(/ALGOLIA_ADMIN_KEY is required/);
  });

  it("builds records from the catalogue as it is now", async () => {
    // The record follows a price change (the document query is the same one PostgreSQL uses).
    await getPrisma().productVariant.updateMany({ where: { productId: fixture.productIds.gown! }, data: { priceMinor: 999_900 } });
    await engine().syncProducts([fixture.productIds.gown!]);
    const [batch] = recorded.filter((r) => r.path === "/1/indexes/products/batch");
    expect(batch!.body.requests[0].body).toMatchObject({ title: "Evening Gown", minPriceMinor: 999_900, ratingFloor: 0, inStock: true });
  });
});
