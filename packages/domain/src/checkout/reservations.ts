// Stock held for unpaid orders. Every change is one SQL statement over the order's ACTIVE
// reservations, so calling it twice changes nothing the second time.
import { Prisma } from "@market/db";
import type { Db } from "../db.ts";
import { enqueueSearchSync } from "../search/index.ts";
import type { LockedStock, StockPiece } from "./allocate-stock.ts";

/**
 * Locks the stock rows of these variants until the caller's transaction ends. Rows are locked in
 * one order (variant, warehouse) by everyone, so two checkouts sharing variants cannot deadlock.
 */
export async function lockStock(tx: Db, variantIds: readonly string[]): Promise<LockedStock[]> {
  if (variantIds.length === 0) return [];
  return tx.$queryRaw<LockedStock[]>`
    SELECT s."variantId", s."warehouseId", w.city, (s."onHand" - s.reserved)::int AS available
      FROM "Stock" s JOIN "Warehouse" w ON w.id = s."warehouseId"
     WHERE s."variantId" = ANY(${[...new Set(variantIds)]}::uuid[])
     ORDER BY s."variantId", s."warehouseId"
       FOR UPDATE OF s`;
}

/**
 * Adds the pieces to the reserved counts. The WHERE clause repeats the availability check, and
 * the table's CHECK (reserved <= onHand) backs it up: if a row somehow changed, the statement
 * touches fewer rows and this throws, rolling the whole order back.
 */
export async function reserveStock(tx: Db, pieces: readonly StockPiece[]): Promise<void> {
  if (pieces.length === 0) return;
  const updated = await tx.$executeRaw`
    UPDATE "Stock" s
       SET reserved = s.reserved + p.quantity, "updatedAt" = now()
      FROM unnest(${pieces.map((p) => p.variantId)}::uuid[], ${pieces.map((p) => p.warehouseId)}::uuid[], ${pieces.map((p) => p.quantity)}::int[])
           AS p("variantId", "warehouseId", quantity)
     WHERE s."variantId" = p."variantId" AND s."warehouseId" = p."warehouseId" AND s."onHand" - s.reserved >= p.quantity`;
  if (updated !== pieces.length) throw new Error(`reserveStock: ${updated} of ${pieces.length} stock rows could be reserved`);
}

async function syncProductsOf(tx: Db, variantIds: string[]): Promise<void> {
  if (variantIds.length === 0) return;
  const rows = await tx.productVariant.findMany({ where: { id: { in: variantIds } }, select: { productId: true } });
  await enqueueSearchSync(tx, rows.map((row) => row.productId));
}

/** Payment arrived: reserved units leave the warehouse's stock for good. Returns units sold. */
export async function consumeReservations(tx: Db, orderId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ variantId: string; quantity: number }[]>(Prisma.sql`
    WITH taken AS (
      UPDATE "Reservation" SET status = 'CONSUMED', "updatedAt" = now()
       WHERE "orderId" = ${orderId}::uuid AND status = 'ACTIVE'
      RETURNING "variantId", "warehouseId", quantity
    ), per_row AS (
      SELECT "variantId", "warehouseId", sum(quantity)::int AS quantity FROM taken GROUP BY 1, 2
    )
    UPDATE "Stock" s
       SET "onHand" = s."onHand" - per_row.quantity, reserved = s.reserved - per_row.quantity, "updatedAt" = now()
      FROM per_row
     WHERE s."variantId" = per_row."variantId" AND s."warehouseId" = per_row."warehouseId"
    RETURNING s."variantId", per_row.quantity`);
  if (rows.length === 0) return 0;
  await tx.$executeRaw`
    UPDATE "Product" p SET "soldCount" = p."soldCount" + sold.quantity
      FROM (SELECT v."productId", sum(x.quantity)::int AS quantity
              FROM unnest(${rows.map((r) => r.variantId)}::uuid[], ${rows.map((r) => r.quantity)}::int[]) AS x("variantId", quantity)
              JOIN "ProductVariant" v ON v.id = x."variantId" GROUP BY 1) sold
     WHERE p.id = sold."productId"`;
  await syncProductsOf(tx, rows.map((row) => row.variantId));
  return rows.reduce((sum, row) => sum + row.quantity, 0);
}

/** The order will not be paid: its units become available again. Returns units released. */
export async function releaseReservations(tx: Db, orderId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ variantId: string; quantity: number }[]>(Prisma.sql`
    WITH released AS (
      UPDATE "Reservation" SET status = 'RELEASED', "updatedAt" = now()
       WHERE "orderId" = ${orderId}::uuid AND status = 'ACTIVE'
      RETURNING "variantId", "warehouseId", quantity
    ), per_row AS (
      SELECT "variantId", "warehouseId", sum(quantity)::int AS quantity FROM released GROUP BY 1, 2
    )
    UPDATE "Stock" s
       SET reserved = s.reserved - per_row.quantity, "updatedAt" = now()
      FROM per_row
     WHERE s."variantId" = per_row."variantId" AND s."warehouseId" = per_row."warehouseId"
    RETURNING s."variantId", per_row.quantity`);
  await syncProductsOf(tx, rows.map((row) => row.variantId));
  return rows.reduce((sum, row) => sum + row.quantity, 0);
}
