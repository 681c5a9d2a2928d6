// Variants about to sell out. Available stock is what shoppers can still buy: onHand - reserved,
// summed over the seller's own warehouses and the marketplace's (another seller's warehouse never
// holds this seller's goods, but is excluded all the same). Only active variants of listed
// products: a draft or archived listing cannot sell out.
import { getPrisma } from "@market/db";

export const LOW_STOCK_THRESHOLD = 5;

export type LowStockVariant = { variantId: string; productId: string; sku: string; title: string; size: string | null; color: string | null; available: number };

export async function lowStock(sellerId: string, limit = 20): Promise<{ count: number; items: LowStockVariant[] }> {
  const rows = await getPrisma().$queryRaw<(Omit<LowStockVariant, "available"> & { available: bigint; total: bigint })[]>`
    WITH available AS (
      SELECT v.id AS "variantId", v."productId", v.sku, pr.title, v.size, v.color, v.position,
             COALESCE(SUM(s."onHand" - s.reserved) FILTER (WHERE w.kind = 'MARKETPLACE' OR w."sellerId" = pr."sellerId"), 0)::bigint AS available
      FROM "ProductVariant" v
      JOIN "Product" pr ON pr.id = v."productId"
      LEFT JOIN "Stock" s ON s."variantId" = v.id
      LEFT JOIN "Warehouse" w ON w.id = s."warehouseId"
      WHERE pr."sellerId" = ${sellerId}::uuid AND pr.status = 'ACTIVE' AND v."isActive"
      GROUP BY v.id, pr.id
    )
    SELECT *, COUNT(*) OVER ()::bigint AS total
    FROM available
    WHERE available <= ${LOW_STOCK_THRESHOLD}
    ORDER BY available ASC, title ASC, position ASC, sku ASC
    LIMIT ${limit}`;
  return {
    count: Number(rows[0]?.total ?? 0),
    items: rows.map(({ variantId, productId, sku, title, size, color, available }) => ({ variantId, productId, sku, title, size, color, available: Number(available) })),
  };
}
