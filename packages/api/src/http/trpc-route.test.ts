import { setSearchEngine, type SearchEngine, type SearchResult } from "@market/domain/search";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "../context.ts";
import { createTrpcRouteHandler } from "./trpc-route.ts";

const engine: SearchEngine = {
  name: "postgres",
  search: async (query) => ({ hits: [], total: 0, page: query.page, pageCount: 0, correctedQuery: null }) as unknown as SearchResult,
  suggest: async (prefix) => [{ kind: "query", text: `${prefix}s` }],
  syncProducts: async () => undefined,
  reindexAll: async () => undefined,
  configure: async () => undefined,
  health: async () => true,
};

const shopper: SessionUser = { id: "u1", email: "s@example.com", name: "S", role: "CUSTOMER" };

function handler(user: SessionUser | null) {
  return createTrpcRouteHandler({
    app: "storefront",
    getUser: async () => user,
    csrf: { allowedOrigins: ["http://shop.test"], trustForwardedHost: false },
    cookies: { secure: false },
    publicMaxAgeSeconds: 30,
  });
}

const get = (path: string, input: unknown) =>
  new Request(`http://shop.test/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);

beforeEach(() => setSearchEngine(engine));
afterEach(() => setSearchEngine(undefined));

describe("Cache-Control on tRPC answers", () => {
  it("lets caches keep the public catalogue as anyone sees it", async () => {
    const response = await handler(null)(get("search.search", { q: "dress" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=30");
  });

  it("keeps a signed-in shopper's answers private, even for public queries", async () => {
    const response = await handler(shopper)(get("search.search", { q: "dress" }));
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("never shares an error", async () => {
    const response = await handler(null)(get("search.suggest", { q: "" }));
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("never shares a batch with anything but public queries in it", async () => {
    const input = encodeURIComponent(JSON.stringify({ 0: { json: { q: "dress" } }, 1: null }));
    const response = await handler(null)(new Request(`http://shop.test/api/trpc/search.search,cart.summary?batch=1&input=${input}`));
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("is off without a max age", async () => {
    const route = createTrpcRouteHandler({
      app: "storefront",
      getUser: async () => null,
      csrf: { allowedOrigins: [], trustForwardedHost: false },
      cookies: { secure: false },
    });
    const response = await route(get("search.search", { q: "dress" }));
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });
});
