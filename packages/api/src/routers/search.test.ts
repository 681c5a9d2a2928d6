import { setSearchEngine, type SearchEngine, type SearchResult } from "@market/domain/search";
import { afterEach, describe, expect, it } from "vitest";
import { createCaller } from "../root.ts";

const context = { user: null, requestId: "test", app: "storefront" as const, guestCartToken: null, pickupPointId: null, setCookie: () => undefined };

function fakeEngine(seen: unknown[]): SearchEngine {
  return {
    name: "postgres",
    search: async (query) => {
      seen.push(query);
      return { hits: [], total: 0, page: query.page, pageCount: 0, correctedQuery: null } as unknown as SearchResult;
    },
    suggest: async (prefix, limit) => {
      seen.push([prefix, limit]);
      return [{ kind: "query", text: `${prefix}s` }];
    },
    syncProducts: async () => undefined,
    reindexAll: async () => undefined,
    configure: async () => undefined,
    health: async () => true,
  };
}

afterEach(() => setSearchEngine(undefined));

describe("search router", () => {
  it("passes the validated query, with its defaults, to the engine", async () => {
    const seen: unknown[] = [];
    setSearchEngine(fakeEngine(seen));
    await createCaller(context).search.search({ q: "  dress ", category: "women" });
    expect(seen[0]).toEqual({ q: "dress", category: "women", brands: [], sizes: [], colors: [], sellers: [], inStock: false, sort: "relevance", page: 1 });
  });

  it("suggests for 1 to 100 characters and refuses anything else, naming the field", async () => {
    const seen: unknown[] = [];
    setSearchEngine(fakeEngine(seen));
    const caller = createCaller(context);
    expect(await caller.search.suggest({ q: "dres" })).toEqual([{ kind: "query", text: "dress" }]);
    expect(seen).toEqual([["dres", 5]]);
    await expect(caller.search.suggest({ q: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.search.suggest({ q: "x".repeat(101) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.search.search({ page: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
