import { getPrisma, ProductStatus } from "@market/db";
import { productCardSelect, toProductCard, type ProductCard } from "./product-card.ts";
import { productsByIdsInput, type ProductsByIdsInput } from "./schemas.ts";

/**
 * Cards of these products in the order asked for (a device's recently viewed list or a
 * guest's favourites). Unknown and unpublished products are left out.
 */
export async function listProductsByIds(input: ProductsByIdsInput): Promise<ProductCard[]> {
  const { ids } = productsByIdsInput.parse(input);
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await getPrisma().product.findMany({
    where: { id: { in: unique }, status: ProductStatus.ACTIVE },
    select: productCardSelect,
  });
  const byId = new Map(rows.map((row) => [row.id, toProductCard(row)]));
  return unique.flatMap((id) => byId.get(id) ?? []);
}
