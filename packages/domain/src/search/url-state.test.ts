import { describe, expect, it } from "vitest";
import { searchQueryFromParams, searchQueryToParams } from "./url-state.ts";

describe("listing URL state", () => {
  it("reads every facet, the sort and the page", () => {
    const params = new URLSearchParams("q=dress&brand=Norvika&brand=Lumo&size=M&color=Navy&price_min=1000&price_max=5000&rating=4&in_stock=1&sort=price_asc&page=3");
    expect(searchQueryFromParams(params)).toMatchObject({
      q: "dress",
      brands: ["Norvika", "Lumo"],
      sizes: ["M"],
      colors: ["Navy"],
      priceMin: 100_000,
      priceMax: 500_000,
      ratingMin: 4,
      inStock: true,
      sort: "price_asc",
      page: 3,
    });
  });

  it("round-trips, leaving defaults out", () => {
    const query = searchQueryFromParams(new URLSearchParams("brand=A&sort=newest&page=2&price_min=10"));
    expect(searchQueryToParams(query).toString()).toBe("brand=A&price_min=10&sort=newest&page=2");
    expect(searchQueryToParams(searchQueryFromParams(new URLSearchParams())).toString()).toBe("");
  });

  it("drops malformed values instead of failing", () => {
    const query = searchQueryFromParams(new URLSearchParams("sort=evil&page=-4&price_min=abc&rating=9&in_stock=yes"));
    expect(query).toMatchObject({ sort: "relevance", page: 1, inStock: false });
    expect(query.priceMin).toBeUndefined();
    expect(query.ratingMin).toBeUndefined();
  });

  it("keeps fixed parts (the page's category or seller) whatever the URL says", () => {
    expect(searchQueryFromParams({ category: "evil" } as never, { category: "dresses" }).category).toBe("dresses");
  });

  it("accepts Next.js searchParams objects", () => {
    expect(searchQueryFromParams({ brand: ["A", "B"], q: "x" })).toMatchObject({ brands: ["A", "B"], q: "x" });
  });
});
