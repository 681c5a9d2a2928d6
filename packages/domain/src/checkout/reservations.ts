// Stock held for unpaid orders. Every change is one SQL statement over the order's ACTIVE
// reservations, so calling it twice changes nothing the second time.
import { Prisma } from "@market/db";
import type { Db } from "../db.ts";
import { enqueueSearchSync } from "../search/index.ts";
import type { StockPiece, StockRow } from "./allocate-stock.ts";

/** The stock rows of these variants with their warehouse's city and what is available. */
export async function readStock(db: Db, variantIds: readonly string[]): Promise<StockRow[]> {
  if (variantIds.length === 0) return [];
  return db.$queryRaw<StockRow[]>`
    SELECT s."variantId", s."warehouseId", w.city, (s."onHand" - s.reserved)::int AS available
      FROM "Stock" s JOIN "Warehouse" w ON w.id = s."warehouseId"
     WHERE s."variantId" = ANY(${[...new Set(variantIds)]}::uuid[])
     ORDER BY s."variantId", s."warehouseId"`;
}

/**
 * Adds the pieces to the reserved counts, as a CTE of the statement that places the order,
 * written only when `when` holds. Availability is not checked here: the table's CHECK (reserved
 * <= "onHand") is what stops an oversell, so a row that no longer has the units fails the whole
 * statement (an order is all or nothing), and the caller reads again and retries or names the
 * line (see stockChangedSinceRead). Rows are locked in one order (variant, warehouse) by everyone,
 * so two orders sharing variants cannot deadlock. Returns, per row, the product whose stock this
 * ran out ("ranOutOf"), for the search index.
 */
export function reserveStock(pieces: readonly StockPiece[], when: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Stock" s
       SET reserved = s.reserved + p.quantity, "updatedAt" = now()
      FROM (SELECT st."variantId", st."warehouseId", p.quantity
              FROM unnest(${pieces.map((p) => p.variantId)}::uuid[], ${pieces.map((p) => p.warehouseId)}::uuid[], ${pieces.map((p) => p.quantity)}::int[])
                   AS p("variantId", "warehouseId", quantity)
              JOIN "Stock" st ON st."variantId" = p."variantId" AND st."warehouseId" = p."warehouseId"
             WHERE ${when}
             ORDER BY st."variantId", st."warehouseId"
               FOR UPDATE OF st) p
     WHERE s."variantId" = p."variantId" AND s."warehouseId" = p."warehouseId"
    RETURNING ${productWhenAvailabilityCrossesZero(Prisma.sql`s.reserved = s."onHand"`)} AS "ranOutOf"`;
}

/**
 * Whether a statement built with reserveStock failed because the stock changed after it was read:
 * a row ran short (the CHECK above) or disappeared (a reservation must name an existing stock
 * row). Either way, reading again gives the numbers to decide with.
 */
export function stockChangedSinceRead(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  // The pg adapter keeps PostgreSQL's own code and message as "original…" whatever kind it maps them to.
  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: string; originalMessage?: string } } | undefined)?.cause;
  const message = cause?.originalMessage ?? "";
  return (
    (cause?.originalCode === "23514" && message.includes('"Stock_reserved_le_onHand_check"')) ||
    (cause?.originalCode === "23503" && message.includes('"Reservation_variantId_warehouseId_fkey"'))
  );
}

/**
 * Listings show whether a product is in stock, nothing finer, so the search index only needs a
 * product again when one of its stock rows runs out or comes back from zero. Most orders change
 * neither, and queueing a sync in every checkout would make every checkout wait on the one
 * pending sync job's row lock (see enqueueSearchSync).
 */
function productWhenAvailabilityCrossesZero(crossed: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${crossed} THEN (SELECT v."productId" FROM "ProductVariant" v WHERE v.id = s."variantId") END`;
}

function syncAvailability(tx: Db, productIds: (string | null)[]): Promise<void> {
  return enqueueSearchSync(tx, productIds.filter((id): id is string => id !== null));
}

/**
 * The CTEs `ended` (the order's ACTIVE reservations, now `outcome`) and `per_row` (their units per
 * stock row), which both ways of ending reservations start from.
 */
function endedReservationsCtes(orderId: string, outcome: "CONSUMED" | "RELEASED"): Prisma.Sql {
  return Prisma.sql`
    ended AS (
      UPDATE "Reservation" SET status = ${outcome}::"ReservationStatus", "updatedAt" = now()
       WHERE "orderId" = ${orderId}::uuid AND status = 'ACTIVE'
      RETURNING "variantId", "warehouseId", quantity
    ), per_row AS (
      SELECT "variantId", "warehouseId", sum(quantity)::int AS quantity FROM ended GROUP BY 1, 2
    )`;
}

/**
 * The CTEs that end the order's ACTIVE reservations as sold, for the statement that marks the
 * order paid (order-transitions.ts): the units leave "onHand" and reserved alike, so what is
 * available stays the same and the search index needs nothing, and they count as sold on their
 * products. Names: ended, per_row, sold_counts, sold_stock.
 */
export function consumeReservationsCtes(orderId: string): Prisma.Sql {
  return Prisma.sql`
    ${endedReservationsCtes(orderId, "CONSUMED")}, sold_counts AS (
      UPDATE "Product" p SET "soldCount" = p."soldCount" + per_product.quantity
        FROM (SELECT v."productId", sum(per_row.quantity)::int AS quantity FROM per_row JOIN "ProductVariant" v ON v.id = per_row."variantId" GROUP BY 1) per_product
       WHERE p.id = per_product."productId"
    ), sold_stock AS (
      UPDATE "Stock" s SET "onHand" = s."onHand" - per_row.quantity, reserved = s.reserved - per_row.quantity, "updatedAt" = now()
        FROM per_row
       WHERE s."variantId" = per_row."variantId" AND s."warehouseId" = per_row."warehouseId"
    )`;
}

/**
 * The order will not be paid: its ACTIVE reservations end in one statement and their units
 * become available again (a row that had none left is queued for the search index). Returns
 * the units released.
 */
export async function releaseReservations(tx: Db, orderId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ quantity: number; cameBack: string | null }[]>`
    WITH ${endedReservationsCtes(orderId, "RELEASED")}
    UPDATE "Stock" s
       SET reserved = s.reserved - per_row.quantity, "updatedAt" = now()
      FROM per_row
     WHERE s."variantId" = per_row."variantId" AND s."warehouseId" = per_row."warehouseId"
    RETURNING per_row.quantity, ${productWhenAvailabilityCrossesZero(Prisma.sql`s."onHand" - s.reserved = per_row.quantity`)} AS "cameBack"`;
  await syncAvailability(tx, rows.map((row) => row.cameBack));
  return rows.reduce((sum, row) => sum + row.quantity, 0);
}
