import { getPrisma } from "@market/db";
import { describe, expect, it } from "vitest";
import { createProduct, createWarehouse, SIZE_CHART } from "../testing/shop-fixtures.ts";
import { getProductPage, listProductsByIds } from "./index.ts";

describe("product page", () => {
  it("shows a published product with each variant's own price and availability", async () => {
    const kazan = await createWarehouse("Kazan");
    const product = await createProduct();
    // Stock in a second warehouse adds up.
    await getPrisma().stock.create({ data: { variantId: product.variants[2]!.id, warehouseId: kazan.id, onHand: 4, reserved: 1 } });

    const page = await getProductPage({ slug: product.slug });
    expect(page).toMatchObject({ id: product.id, title: product.title, brand: "Testbrand", currency: "RUB" });
    expect(page.variants.map((v) => [v.size, v.color, v.priceMinor, v.compareAtMinor, v.available])).toEqual([
      ["S", "Black", 249_000, 399_000, 4],
      ["M", "Black", 249_000, 399_000, 0],
      ["L", "Black", 249_000, 399_000, 10],
      ["S", "White", 279_000, null, 3],
    ]);
    expect(page.category).toMatchObject({ hasSizes: true, sizeChart: SIZE_CHART, nameRu: "Платья" });
    expect(page.characteristics).toEqual([{ name: "Material", nameRu: "Материал", value: "Cotton", unit: null }]);
    expect(page.images.map((i) => i.url)).toEqual([expect.stringMatching(/^\/files\/products\/.+\/1\.svg$/), expect.stringMatching(/2\.svg$/)]);
    // An image without alt text is described by the product's title.
    expect(page.images[0]!.alt).toBe(product.title);
    expect(page.seller).toMatchObject({ productCount: 1, rating: { average: 0, count: 0 } });
  });

  it("leaves out switched-off variants", async () => {
    const warehouse = await createWarehouse("Moscow");
    const product = await createProduct({
      warehouseId: warehouse.id,
      variants: [
        { size: "S", priceMinor: 100_00, stock: [{ warehouseId: warehouse.id, onHand: 1 }] },
        { size: "M", priceMinor: 100_00, isActive: false, stock: [{ warehouseId: warehouse.id, onHand: 1 }] },
      ],
    });
    expect((await getProductPage({ slug: product.slug })).variants.map((v) => v.size)).toEqual(["S"]);
  });

  it("is NOT_FOUND for unknown, draft and unpublished products", async () => {
    const draft = await createProduct({ status: "DRAFT" });
    const inactive = await createProduct({ status: "INACTIVE" });
    for (const slug of ["no-such-product", draft.slug, inactive.slug]) {
      await expect(getProductPage({ slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("has no size table where the category has no sizes", async () => {
    const product = await createProduct({ hasSizes: false });
    expect((await getProductPage({ slug: product.slug })).category.sizeChart).toBeNull();
  });
});

describe("products by ids", () => {
  it("returns cards in the order asked, without unknown or unpublished products", async () => {
    const a = await createProduct();
    const b = await createProduct();
    const draft = await createProduct({ status: "DRAFT" });
    const cards = await listProductsByIds({ ids: [b.id, draft.id, "0190a0c4-0000-7000-8000-000000000000", a.id, b.id] });
    expect(cards.map((c) => c.id)).toEqual([b.id, a.id]);
    expect(cards[0]).toMatchObject({ price: { amountMinor: 249_000, compareAtMinor: 399_000, currency: "RUB" } });
  });

  it("refuses anything but ids", async () => {
    await expect(listProductsByIds({ ids: ["1 OR 1=1"] })).rejects.toThrow("Unknown product");
  });
});
