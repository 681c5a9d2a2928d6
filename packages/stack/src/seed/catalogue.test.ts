// The generator's promises, checked without a database: the seed inserts exactly these rows,
// and the database's constraints (unique SKU, compare-at above price, ...) would otherwise
// only fail at the end of a 10-second insert.
import { describe, expect, it } from "vitest";
import { buildDemoCatalogue, ean13CheckDigit, isValidEan13, shortId } from "./catalogue.ts";
import { IMAGE_SHAPES, renderProductImage } from "./images.ts";
import { Rng, mulberry32 } from "./random.ts";

const now = new Date("2026-11-24T12:00:00Z");
const catalogue = buildDemoCatalogue({ now });

describe("random", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });

  it("mints valid UUIDv7s carrying the given time", () => {
    const id = new Rng("x").uuidV7(now.getTime());
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(now.getTime());
  });
});

describe("demo catalogue", () => {
  it("is the same on every run", () => {
    const again = buildDemoCatalogue({ now });
    expect(again.products.map((p) => [p.id, p.slug, p.minPriceMinor])).toEqual(catalogue.products.map((p) => [p.id, p.slug, p.minPriceMinor]));
    expect(again.variants.map((v) => v.sku)).toEqual(catalogue.variants.map((v) => v.sku));
  });

  it("has the promised size", () => {
    expect(catalogue.products.length).toBeGreaterThanOrEqual(2000);
    expect(catalogue.sellers.length).toBeGreaterThanOrEqual(6);
    const leaves = catalogue.categories.filter((c) => c.depth === 1);
    expect(leaves.length).toBeGreaterThanOrEqual(20);
    const used = new Set(catalogue.products.map((p) => p.categoryId));
    expect(leaves.every((leaf) => used.has(leaf.id))).toBe(true);
    expect(catalogue.pickupPoints.length).toBeGreaterThanOrEqual(30);
  });

  it("builds a consistent category tree", () => {
    const byId = new Map(catalogue.categories.map((c) => [c.id, c]));
    for (const category of catalogue.categories) {
      const parent = category.parentId ? byId.get(category.parentId) : undefined;
      expect(category.path).toBe(parent ? `${parent.path}${category.slug}/` : `/${category.slug}/`);
      expect(category.hasSizes).toBe(category.sizeChart !== undefined);
    }
    expect(new Set(catalogue.categories.map((c) => c.slug)).size).toBe(catalogue.categories.length);
  });

  it("keeps every unique key unique", () => {
    expect(new Set(catalogue.products.map((p) => p.slug)).size).toBe(catalogue.products.length);
    expect(new Set(catalogue.variants.map((v) => v.sku)).size).toBe(catalogue.variants.length);
    expect(new Set(catalogue.variants.map((v) => v.barcode)).size).toBe(catalogue.variants.length);
    expect(new Set(catalogue.variants.map((v) => `${v.productId}|${v.size}|${v.color}`)).size).toBe(catalogue.variants.length);
    expect(new Set(catalogue.stock.map((s) => `${s.variantId}|${s.warehouseId}`)).size).toBe(catalogue.stock.length);
    expect(new Set(catalogue.imageFiles.map((f) => f.storageKey)).size).toBe(catalogue.imageFiles.length);
  });

  it("prices like a shop: kopecks, endings 00/90, discounts of 10-60 %", () => {
    for (const variant of catalogue.variants) {
      expect(variant.priceMinor % 100).toBe(0);
      expect([0, 90]).toContain((variant.priceMinor / 100) % 100);
      if (variant.compareAtMinor !== null) {
        // In integers: price <= 90 % and >= 40 % of the crossed-out price.
        expect(variant.priceMinor * 10).toBeLessThanOrEqual(variant.compareAtMinor * 9);
        expect(variant.priceMinor * 10).toBeGreaterThanOrEqual(variant.compareAtMinor * 4);
      }
    }
    const discounted = catalogue.variants.filter((v) => v.compareAtMinor !== null).length / catalogue.variants.length;
    expect(discounted).toBeGreaterThan(0.25);
    expect(discounted).toBeLessThan(0.45);
    const minimum = new Map<string, number>();
    for (const v of catalogue.variants) minimum.set(v.productId, Math.min(minimum.get(v.productId) ?? Infinity, v.priceMinor));
    for (const product of catalogue.products) expect(product.minPriceMinor).toBe(minimum.get(product.id));
  });

  it("uses valid EAN-13 barcodes", () => {
    expect(ean13CheckDigit("400638133393")).toBe(1); // a textbook example
    expect(catalogue.variants.every((v) => isValidEan13(v.barcode))).toBe(true);
  });

  it("keeps ratings between 3.5 and 5 stars and 0-500 votes", () => {
    for (const product of catalogue.products) {
      expect(product.ratingCount).toBeGreaterThanOrEqual(0);
      expect(product.ratingCount).toBeLessThanOrEqual(500);
      if (product.ratingCount > 0) {
        expect(product.ratingSum / product.ratingCount).toBeGreaterThanOrEqual(3.5);
        expect(product.ratingSum / product.ratingCount).toBeLessThanOrEqual(5);
      }
    }
  });

  it("dates products within the last 120 days and publishes only non-drafts", () => {
    for (const product of catalogue.products) {
      const age = now.getTime() - product.createdAt.getTime();
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(120 * 24 * 3600 * 1000);
      expect(product.publishedAt === null).toBe(product.status === "DRAFT");
    }
    expect(catalogue.products.some((p) => p.status === "DRAFT")).toBe(true);
    expect(catalogue.products.some((p) => p.status === "INACTIVE")).toBe(true);
  });

  it("stocks every variant in 1-3 warehouses, about 5 % sold out", () => {
    const places = new Map<string, number>();
    for (const row of catalogue.stock) places.set(row.variantId, (places.get(row.variantId) ?? 0) + 1);
    for (const variant of catalogue.variants) {
      expect(places.get(variant.id)).toBeGreaterThanOrEqual(1);
      expect(places.get(variant.id)).toBeLessThanOrEqual(3);
    }
    const soldOut = catalogue.stock.filter((s) => s.onHand === 0).length / catalogue.stock.length;
    expect(soldOut).toBeGreaterThan(0.02);
    expect(soldOut).toBeLessThan(0.1);
    expect(catalogue.stock.every((s) => s.onHand <= 200 && s.reserved === 0 && /^[A-H]-\d{2}-\d{2}$/.test(s.shelfLocation))).toBe(true);
  });

  it("writes readable descriptions", () => {
    for (const product of catalogue.products) {
      expect(product.description).not.toMatch(/\{|\}|undefined|\ba [aeiou]/);
      expect(product.description.split(". ").length).toBeGreaterThanOrEqual(3);
    }
  });

  it("gives every product 1-3 pictures", () => {
    const count = new Map<string, number>();
    for (const image of catalogue.images) count.set(image.productId, (count.get(image.productId) ?? 0) + 1);
    for (const product of catalogue.products) {
      expect(count.get(product.id)).toBeGreaterThanOrEqual(1);
      expect(count.get(product.id)).toBeLessThanOrEqual(3);
    }
  });

  it("makes slugs that never collide", () => {
    expect(new Set(Array.from({ length: 100_000 }, (_, i) => shortId(i))).size).toBe(100_000);
  });
});

describe("product pictures", () => {
  it("are static, self-contained SVG", () => {
    for (const shape of IMAGE_SHAPES) {
      for (const view of [0, 1, 2] as const) {
        const svg = renderProductImage({ shape, colorHex: "#1f8a64", view, style: view });
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 800"')).toBe(true);
        expect(svg).not.toMatch(/<script|<foreignObject|<image|href=|\son[a-z]+=|javascript:|url\((?!#)/i);
        expect(svg).not.toMatch(/NaN|undefined/);
      }
    }
  });

  it("refuse a colour that is not #rrggbb", () => {
    expect(() => renderProductImage({ shape: "dress", colorHex: '#fff" onload="alert(1)', view: 0, style: 0 })).toThrow();
  });
});
