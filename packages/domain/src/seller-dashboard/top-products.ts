// The shop's best sellers by units in the window, counted like revenue (paid, not cancelled).
import { getPrisma } from "@market/db";

export type TopProduct = { productId: string; title: string; slug: string; units: number };

export async function topProducts(sellerId: string, since: Date, limit = 5): Promise<TopProduct[]> {
  const rows = await getPrisma().$queryRaw<{ productId: string; title: string; slug: string; units: bigint }[]>`
    SELECT l."productId" AS "productId", pr.title, pr.slug, SUM(l.quantity)::bigint AS units
    FROM "OrderLine" l
    JOIN "OrderPart" p ON p.id = l."orderPartId"
    JOIN "Order" o ON o.id = p."orderId"
    JOIN "Product" pr ON pr.id = l."productId"
    WHERE p."sellerId" = ${sellerId}::uuid
      AND o.status IN ('PAID', 'COMPLETED')
      AND p.status <> 'CANCELLED' AND p."sellerStatus" <> 'CANCELLED'
      AND o."paidAt" >= ${since}
    GROUP BY l."productId", pr.title, pr.slug
    ORDER BY units DESC, pr.title ASC
    LIMIT ${limit}`;
  return rows.map((row) => ({ ...row, units: Number(row.units) }));
}
