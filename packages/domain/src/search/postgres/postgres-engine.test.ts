import { getPrisma } from "@market/db";
import { beforeAll, describe, expect, it } from "vitest";
import { insertSearchFixture, type SearchFixture } from "../insert-search-fixture.ts";
import { searchQueryInput, type SearchQueryInput, type SearchResult } from "../types.ts";
import { allowedEdits, editDistance } from "./correct-spelling.ts";
import { createPostgresEngine } from "./create-postgres-engine.ts";

const engine = createPostgresEngine();
let fixture: SearchFixture;

const search = (input: SearchQueryInput) => engine.search(searchQueryInput.parse(input));
const titles = (result: SearchResult) => result.hits.map((hit) => hit.title);
const facet = (values: { value: string; count: number }[]) => Object.fromEntries(values.map((v) => [v.value, v.count]));

beforeAll(async () => {
  fixture = await insertSearchFixture();
  const progress: [number, number][] = [];
  await engine.reindexAll((done, total) => progress.push([done, total]));
  expect(progress.at(-1)).toEqual([38, 38]);
});

describe("PostgreSQL search: relevance", () => {
  it("ranks the exact title first, ahead of a more popular product that also matches", async () => {
    const result = await search({ q: "linen dress" });
    expect(titles(result)[0]).toBe("Linen Dress");
    expect(titles(result)).toContain("Linen Dress with Belt");
    expect(result.correctedQuery).toBeNull();
  });

  it("lists only what is for sale: no drafts, nothing from a suspended seller", async () => {
    const result = await search({ q: "dress" });
    expect(titles(result)).not.toContain("Secret Dress");
    expect(titles(result)).not.toContain("Grey Market Dress");
    // Titles (weight A) outrank the category's name (B) and descriptions (C).
    expect(titles(result).slice(0, 2).sort()).toEqual(["Linen Dress", "Linen Dress with Belt"]);
    expect(titles(result).slice(2).sort()).toEqual(["Evening Gown", "Платье из льна"]);
  });

  it("finds singulars from English plurals", async () => {
    expect(titles(await search({ q: "dresses" }))).toEqual(expect.arrayContaining(["Linen Dress", "Linen Dress with Belt", "Evening Gown"]));
    expect(titles(await search({ q: "cardigans" }))).toEqual(["Wool Cardigan"]);
  });

  it("finds Russian words by their stem, and categories by their Russian names", async () => {
    // «платья» (plural) finds «Платье из льна» (singular) in a title, and the dresses category
    // is called «Платья».
    const plural = await search({ q: "платья" });
    expect(titles(plural)[0]).toBe("Платье из льна");
    expect(titles(plural)).toEqual(expect.arrayContaining(["Linen Dress", "Evening Gown"]));
    expect(titles(await search({ q: "платье" }))).toContain("Платье из льна");
  });

  it("ignores accents", async () => {
    expect(titles(await search({ q: "cafe lamp" }))).toEqual(["Café Table Lamp"]);
  });

  it("still finds a product when two letters are swapped or one is missing, and says what it searched for", async () => {
    for (const typo of ["cardigna", "cadrigan", "cardgan"]) {
      const result = await search({ q: typo });
      expect(titles(result), typo).toEqual(["Wool Cardigan"]);
      expect(result.correctedQuery, typo).toBe("cardigan");
    }
    const twoWords = await search({ q: "lnien dress" });
    expect(twoWords.correctedQuery).toBe("linen dress");
    expect(titles(twoWords)[0]).toBe("Linen Dress");
  });

  it("finds nothing, without inventing a correction, for gibberish", async () => {
    const result = await search({ q: "zzqxv" });
    expect(result.total).toBe(0);
    expect(result.hits).toEqual([]);
    expect(result.correctedQuery).toBeNull();
  });
});

describe("PostgreSQL search: facets, filters, sorting, pages", () => {
  it("counts facets on the category and everything under it", async () => {
    const result = await search({ category: "women" });
    expect(result.total).toBe(5);
    expect(facet(result.facets.brands)).toEqual({ Aurora: 3, Selene: 1, "Nordic Knit": 1 });
    expect(result.facets.sizes.map((s) => s.value)).toEqual(["S", "M", "L", "XL"]);
    expect(facet(result.facets.sizes)).toEqual({ S: 3, M: 2, L: 1, XL: 1 });
    expect(facet(result.facets.sellers)).toEqual({ "nordic-threads": 4, "volga-home": 1 });
    expect(result.facets.sellers.find((s) => s.value === "volga-home")?.label).toBe("Volga Home");
    expect(result.facets.price).toEqual({ min: 300_000, max: 1_200_000 });
    expect(facet(result.facets.ratings)).toEqual({ "4": 3, "3": 4, "2": 4, "1": 4 });
    expect(result.facets.inStock).toBe(4);
  });

  it("counts each facet with the other filters only (disjunctive)", async () => {
    const result = await search({ category: "women", brands: ["Aurora"], sizes: ["S"] });
    expect(titles(result).sort()).toEqual(["Linen Dress", "Платье из льна"]);
    expect(result.total).toBe(2);
    // Brands: counted with the size filter only, so other brands with an S still show.
    expect(facet(result.facets.brands)).toEqual({ Aurora: 2, "Nordic Knit": 1 });
    // Sizes: counted with the brand filter only.
    expect(facet(result.facets.sizes)).toEqual({ S: 2, M: 1, L: 1 });
    // Colours: every filter applies.
    expect(facet(result.facets.colors)).toEqual({ Red: 1, Green: 1 });
  });

  it("keeps a ticked value that matches nothing, with a count of 0, so it can be unticked", async () => {
    const result = await search({ category: "women", colors: ["Purple"] });
    expect(result.total).toBe(0);
    expect(result.facets.colors.find((c) => c.value === "Purple")).toEqual({ value: "Purple", label: "Purple", count: 0 });
  });

  it("filters by stock, price range, rating and seller", async () => {
    expect(titles(await search({ category: "dresses", inStock: true }))).not.toContain("Linen Dress with Belt");
    expect((await search({ category: "dresses", inStock: true })).facets.inStock).toBe(3);
    const range = await search({ category: "women", priceMin: 300_000, priceMax: 500_000 });
    expect(titles(range).sort()).toEqual(["Linen Dress", "Linen Dress with Belt", "Wool Cardigan", "Платье из льна"]);
    // The price range facet ignores the price filter, so the slider keeps its full span.
    expect(range.facets.price).toEqual({ min: 300_000, max: 1_200_000 });
    expect(titles(await search({ category: "women", ratingMin: 4.5 })).sort()).toEqual(["Linen Dress", "Wool Cardigan", "Платье из льна"]);
    expect(titles(await search({ sellers: ["volga-home"], category: "women" }))).toEqual(["Linen Dress with Belt"]);
    expect(titles(await search({ seller: "volga-home", q: "linen" })).sort()).toEqual(["Café Table Lamp", "Linen Dress with Belt"]);
  });

  it("sorts by each order", async () => {
    const order = async (sort: SearchQueryInput["sort"]) => titles(await search({ category: "women", sort }));
    expect(await order("relevance")).toEqual(["Linen Dress with Belt", "Linen Dress", "Wool Cardigan", "Платье из льна", "Evening Gown"]);
    expect(await order("popular")).toEqual(["Linen Dress with Belt", "Linen Dress", "Wool Cardigan", "Платье из льна", "Evening Gown"]);
    expect(await order("price_asc")).toEqual(["Linen Dress", "Платье из льна", "Linen Dress with Belt", "Wool Cardigan", "Evening Gown"]);
    expect(await order("price_desc")).toEqual(["Evening Gown", "Wool Cardigan", "Linen Dress with Belt", "Платье из льна", "Linen Dress"]);
    expect(await order("newest")).toEqual(["Evening Gown", "Платье из льна", "Linen Dress with Belt", "Linen Dress", "Wool Cardigan"]);
    expect(await order("rating")).toEqual(["Wool Cardigan", "Linen Dress", "Платье из льна", "Linen Dress with Belt", "Evening Gown"]);
  });

  it("pages through the results", async () => {
    const first = await search({ category: "candles", sort: "price_asc" });
    expect(first.total).toBe(30);
    expect(first.pageCount).toBe(2);
    expect(first.hits).toHaveLength(24);
    expect(first.hits[0]!.title).toBe("Scented Candle No 1");
    const second = await search({ category: "candles", sort: "price_asc", page: 2 });
    expect(second.page).toBe(2);
    expect(second.hits.map((h) => h.title)).toEqual(Array.from({ length: 6 }, (_, i) => `Scented Candle No ${25 + i}`));
    expect((await search({ category: "candles", page: 3 })).hits).toEqual([]);
  });

  it("answers with full product cards in rank order", async () => {
    const [card] = (await search({ q: "linen dress with belt" })).hits;
    expect(card).toMatchObject({
      id: fixture.productIds.beltedDress,
      title: "Linen Dress with Belt",
      brand: "Aurora",
      seller: { name: "Volga Home", slug: "volga-home" },
      price: { amountMinor: 450_000, compareAtMinor: 600_000, currency: "RUB" },
      rating: { average: 3.5, count: 2 },
      image: { url: "/files/products/beltedDress/1.svg", alt: "Linen Dress with Belt" },
    });
  });
});

describe("PostgreSQL search: suggestions", () => {
  it("suggests products by prefix and completes the word being typed", async () => {
    const suggestions = await engine.suggest("cardi");
    expect(suggestions).toContainEqual(expect.objectContaining({ kind: "product", title: "Wool Cardigan", slug: "cardigan", imageUrl: "/files/products/cardigan/1.svg" }));
    expect(suggestions).toContainEqual({ kind: "query", text: "cardigan" });
  });

  it("suggests categories by their English or Russian name", async () => {
    expect(await engine.suggest("dres")).toContainEqual({ kind: "category", slug: "dresses", name: "Dresses", nameRu: "Платья" });
    expect(await engine.suggest("плат")).toContainEqual({ kind: "category", slug: "dresses", name: "Dresses", nameRu: "Платья" });
  });

  it("suggests despite a typo (trigram similarity)", async () => {
    const suggestions = await engine.suggest("wool cardgian");
    expect(suggestions).toContainEqual(expect.objectContaining({ kind: "product", title: "Wool Cardigan" }));
  });

  it("limits the products and treats LIKE wildcards literally", async () => {
    expect((await engine.suggest("scented", 3)).filter((s) => s.kind === "product")).toHaveLength(3);
    expect(await engine.suggest("%")).toEqual([]);
  });
});

describe("PostgreSQL search: keeping the index current", () => {
  it("updates a product's entry on sync and removes it when it is no longer listed", async () => {
    const db = getPrisma();
    const id = fixture.productIds.lamp!;
    await db.productVariant.updateMany({ where: { productId: id }, data: { priceMinor: 199_000 } });
    await engine.syncProducts([id]);
    expect((await search({ q: "lamp" })).facets.price).toEqual({ min: 199_000, max: 199_000 });

    await db.product.update({ where: { id }, data: { status: "ARCHIVED" } });
    await engine.syncProducts([id]);
    expect((await search({ q: "lamp" })).total).toBe(0);

    await db.product.update({ where: { id }, data: { status: "ACTIVE" } });
    await engine.syncProducts([id]);
    expect(titles(await search({ q: "lamp" }))).toEqual(["Café Table Lamp"]);
  });

  it("reuses facet counts across sorts and pages when given a cache time, but never stale hits", async () => {
    const cached = createPostgresEngine({ facetCacheTtlMs: 60_000 });
    const id = fixture.productIds.candle1!;
    const before = await cached.search(searchQueryInput.parse({ category: "candles" }));
    expect(before.facets.price).toEqual({ min: 50_000, max: 79_000 });

    // Another process (the worker) reindexes a price change.
    await getPrisma().productVariant.updateMany({ where: { productId: id }, data: { priceMinor: 9_900 } });
    await engine.syncProducts([id]);
    const resorted = await cached.search(searchQueryInput.parse({ category: "candles", sort: "price_asc" }));
    expect(resorted.facets.price).toEqual({ min: 50_000, max: 79_000 });
    expect(resorted.hits[0]).toMatchObject({ id, price: { amountMinor: 9_900 } });

    // Its own syncs forget the counts at once.
    await cached.syncProducts([id]);
    expect((await cached.search(searchQueryInput.parse({ category: "candles" }))).facets.price).toEqual({ min: 9_900, max: 79_000 });
  });

  it("reports itself healthy", async () => {
    expect(await engine.health()).toBe(true);
  });
});

describe("spelling distance", () => {
  it("counts a swap of neighbours as one edit and forgives fewer edits in short words", () => {
    expect(editDistance("cardigan", "cadrigan")).toBe(1);
    expect(editDistance("cardigan", "cardgan")).toBe(1);
    expect(editDistance("платье", "плаьте")).toBe(1);
    expect(editDistance("dress", "dress")).toBe(0);
    expect([3, 4, 6, 7].map(allowedEdits)).toEqual([0, 1, 1, 2]);
  });
});
