// Search engines answer with product ids in rank order; the cards come from the catalogue, so
// prices and pictures are always the current ones even when the index lags a few seconds.
import { getPrisma } from "@market/db";
import { productCardSelect, toProductCard, type ProductCard } from "../catalog/product-card.ts";
import type { Db } from "./load-search-documents.ts";

/** Cards of these products in the order given; products that have gone meanwhile are skipped. */
export async function loadProductCards(productIds: readonly string[], db: Db = getPrisma()): Promise<ProductCard[]> {
  if (productIds.length === 0) return [];
  const rows = await db.product.findMany({ where: { id: { in: [...productIds] } }, select: productCardSelect });
  const cards = new Map(rows.map((row) => [row.id, toProductCard(row)]));
  return productIds.flatMap((id) => cards.get(id) ?? []);
}
