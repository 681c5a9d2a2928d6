// Which warehouse gives each cart line its units. Pure, so the rule can be tested on its own;
// place-order.ts feeds it the stock it has just read, and its write fails (and is retried with a
// fresh read) if a row no longer has the units.

export type StockRow = { variantId: string; warehouseId: string; city: string; available: number };
export type StockPiece = { variantId: string; warehouseId: string; quantity: number };
export type Shortage = { variantId: string; requested: number; available: number };

/**
 * One warehouse per line when one can serve all of it (fewer parcels): one in the delivery city
 * first, then the one with most units. Otherwise the line is split over warehouses, largest
 * first. A line that all warehouses together cannot serve is a shortage, and nothing is taken
 * for it.
 */
export function allocateStock(
  lines: readonly { variantId: string; quantity: number }[],
  stock: readonly StockRow[],
  deliveryCity?: string,
): { pieces: StockPiece[]; shortages: Shortage[] } {
  const pieces: StockPiece[] = [];
  const shortages: Shortage[] = [];
  for (const line of lines) {
    const rows = stock
      .filter((row) => row.variantId === line.variantId && row.available > 0)
      .sort((a, b) => Number(b.city === deliveryCity) - Number(a.city === deliveryCity) || b.available - a.available || a.warehouseId.localeCompare(b.warehouseId));
    const total = rows.reduce((sum, row) => sum + row.available, 0);
    if (total < line.quantity) {
      shortages.push({ variantId: line.variantId, requested: line.quantity, available: total });
      continue;
    }
    const whole = rows.find((row) => row.available >= line.quantity);
    if (whole) {
      pieces.push({ variantId: line.variantId, warehouseId: whole.warehouseId, quantity: line.quantity });
      continue;
    }
    let remaining = line.quantity;
    for (const row of [...rows].sort((a, b) => b.available - a.available)) {
      const take = Math.min(remaining, row.available);
      pieces.push({ variantId: line.variantId, warehouseId: row.warehouseId, quantity: take });
      remaining -= take;
      if (remaining === 0) break;
    }
  }
  return { pieces, shortages };
}

/**
 * Days until every piece is ready: the delivery's base days, one more for a piece that travels
 * from a warehouse in another city. Null when nothing is allocated.
 */
export function deliveryDays(pieces: readonly StockPiece[], stock: readonly StockRow[], deliveryCity: string, baseDays: number): number | null {
  if (pieces.length === 0) return null;
  const cityOf = new Map(stock.map((row) => [row.warehouseId, row.city]));
  return Math.max(...pieces.map((p) => baseDays + (cityOf.get(p.warehouseId) === deliveryCity ? 0 : 1)));
}
