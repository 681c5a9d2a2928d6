import { describe, expect, it } from "vitest";
import { buildDemoCatalogue } from "./catalogue.ts";
import { buildDemoReviews } from "./reviews.ts";

describe("demo reviews", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const catalogue = buildDemoCatalogue({ now, productCount: 300 });
  const demo = buildDemoReviews(catalogue, now);

  it("makes the products' and sellers' ratings agree with the reviews", () => {
    expect(demo.reviews.length).toBeGreaterThan(100);
    for (const product of catalogue.products) {
      const own = demo.reviews.filter((r) => r.productId === product.id);
      expect(product.ratingCount).toBe(own.length);
      expect(product.ratingSum).toBe(own.reduce((sum, r) => sum + r.rating, 0));
      if (product.status !== "ACTIVE") expect(own).toHaveLength(0);
    }
    for (const seller of catalogue.sellers) {
      const products = catalogue.products.filter((p) => p.sellerId === seller.id);
      expect(seller.ratingCount).toBe(products.reduce((sum, p) => sum + p.ratingCount, 0));
    }
  });

  it("keeps ratings 1-5, dates after publication and before now, one review per reviewer and product", () => {
    const seen = new Set<string>();
    const published = new Map(catalogue.products.map((p) => [p.id, p.publishedAt]));
    for (const review of demo.reviews) {
      expect(review.rating).toBeGreaterThanOrEqual(1);
      expect(review.rating).toBeLessThanOrEqual(5);
      expect(review.createdAt.getTime()).toBeLessThan(now.getTime());
      expect(review.createdAt.getTime()).toBeGreaterThan(published.get(review.productId)!.getTime());
      const key = `${review.userId}:${review.productId}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it("gives the demo shopper a purchase of the most popular product with sizes", () => {
    const sized = new Set(catalogue.categories.filter((c) => c.hasSizes).map((c) => c.id));
    const product = catalogue.products.find((p) => p.id === demo.purchase?.productId);
    expect(product).toMatchObject({ status: "ACTIVE" });
    expect(sized.has(product!.categoryId)).toBe(true);
    const morePopular = catalogue.products.filter((p) => p.status === "ACTIVE" && sized.has(p.categoryId) && p.popularity > product!.popularity);
    expect(morePopular).toEqual([]);
  });

  it("is the same on every run", () => {
    const again = buildDemoReviews(buildDemoCatalogue({ now, productCount: 300 }), now);
    expect(again.reviews.map((r) => [r.id, r.rating, r.text])).toEqual(demo.reviews.map((r) => [r.id, r.rating, r.text]));
  });
});
