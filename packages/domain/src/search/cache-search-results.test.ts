import { describe, expect, it } from "vitest";
import { cacheSearchResults } from "./cache-search-results.ts";
import { searchQueryInput, type SearchEngine, type SearchResult } from "./types.ts";

function countingEngine() {
  const calls = { search: 0, suggest: 0 };
  let fail = false;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const engine: SearchEngine = {
    name: "postgres",
    async search(query) {
      calls.search += 1;
      await gate;
      if (fail) throw new Error("engine down");
      return { total: calls.search, page: query.page } as unknown as SearchResult;
    },
    async suggest() {
      calls.suggest += 1;
      return [];
    },
    async syncProducts() {},
    async reindexAll() {},
    async configure() {},
    async health() {
      return true;
    },
  };
  return { engine, calls, open, setFail: (value: boolean) => (fail = value) };
}

const query = (input: object = {}) => searchQueryInput.parse({ category: "women", ...input });

describe("search result cache", () => {
  it("shares one engine call among concurrent identical requests and reuses the answer until it expires", async () => {
    let now = 0;
    const fake = countingEngine();
    const cached = cacheSearchResults(fake.engine, { ttlMs: 30_000, now: () => now });
    const first = cached.search(query());
    const second = cached.search(query({ brands: [] }));
    fake.open();
    expect(await first).toBe(await second);
    expect(fake.calls.search).toBe(1);

    now = 29_000;
    await cached.search(query());
    expect(fake.calls.search).toBe(1);
    await cached.search(query({ page: 2 }));
    expect(fake.calls.search).toBe(2);

    now = 31_000;
    await cached.search(query());
    expect(fake.calls.search).toBe(3);
  });

  it("treats filter values in any order as the same query", async () => {
    const fake = countingEngine();
    fake.open();
    const cached = cacheSearchResults(fake.engine, { ttlMs: 30_000 });
    await cached.search(query({ brands: ["A", "B"] }));
    await cached.search(query({ brands: ["B", "A"] }));
    expect(fake.calls.search).toBe(1);
  });

  it("does not keep failures, and forgets everything when this process syncs products", async () => {
    const fake = countingEngine();
    fake.open();
    const cached = cacheSearchResults(fake.engine, { ttlMs: 30_000 });
    await cached.search(query());
    fake.setFail(true);
    await cached.syncProducts(["x"]);
    await expect(cached.search(query())).rejects.toThrow("engine down");
    fake.setFail(false);
    await cached.search(query());
    expect(fake.calls.search).toBe(3);
  });

  it("with a ttl of 0 only shares calls still in flight", async () => {
    const fake = countingEngine();
    const cached = cacheSearchResults(fake.engine, { ttlMs: 0 });
    const both = Promise.all([cached.search(query()), cached.search(query())]);
    fake.open();
    await both;
    await cached.search(query());
    expect(fake.calls.search).toBe(2);
  });

  it("keeps at most maxEntries answers", async () => {
    const fake = countingEngine();
    fake.open();
    const cached = cacheSearchResults(fake.engine, { ttlMs: 30_000, maxEntries: 2 });
    for (const page of [1, 2, 3, 1]) await cached.search(query({ page }));
    expect(fake.calls.search).toBe(4);
  });
});
