import { getPrisma, ProductStatus } from "@market/db";
import { productCardSelect, toProductCard, type ProductCard } from "./product-card.ts";
import { productListInput, type ProductListInput } from "./schemas.ts";

/** Published products for the storefront's home shelves. */
export async function listProducts(input: ProductListInput = {}): Promise<ProductCard[]> {
  const { sort, limit } = productListInput.parse(input);
  const rows = await getPrisma().product.findMany({
    where: { status: ProductStatus.ACTIVE },
    orderBy: sort === "newest" ? [{ createdAt: "desc" }, { id: "desc" }] : [{ popularity: "desc" }, { id: "desc" }],
    take: limit,
    select: productCardSelect,
  });
  return rows.map(toProductCard);
}
