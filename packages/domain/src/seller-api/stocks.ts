// Setting stock per warehouse in batches of up to 1,000 (the portal's CSV import can call the same
// function). The whole batch is validated under row locks and applied in one transaction, with
// the search index sync queued in that transaction: either every quantity changes and the index
// follows, or nothing does.
import { getPrisma, Prisma, WarehouseKind } from "@market/db";
import { z } from "zod";
import type { Db } from "../db.ts";
import { enqueueSearchSync } from "../search/index.ts";
import { batchOf, BatchErrors, flagDuplicates, skuField } from "./batch.ts";

export const MAX_STOCK_QUANTITY = 1_000_000;

export const stockItemSchema = z.strictObject({
  sku: skuField,
  warehouseCode: z.string().trim().min(1, "Enter the warehouse code").max(64, "A warehouse code has at most 64 characters"),
  quantity: z
    .int("quantity must be a whole number")
    .min(0, "quantity cannot be negative")
    .max(MAX_STOCK_QUANTITY, `quantity can be at most ${MAX_STOCK_QUANTITY}`)
    .describe("Units on hand in that warehouse (replaces the current number; must not be below the reserved units)"),
});
export const setStocksBody = z.strictObject({ stocks: batchOf(stockItemSchema, "stock item") });
export type SetStocksInput = z.input<typeof setStocksBody>;

export const stockResultSchema = z.object({
  updated: z.int(),
  stocks: z.array(z.object({ sku: z.string(), warehouseCode: z.string(), onHand: z.int(), reserved: z.int(), available: z.int() })),
});
export type SetStocksResult = z.output<typeof stockResultSchema>;

const pairKey = (variantId: string, warehouseId: string) => `${variantId}|${warehouseId}`;

export type StockItem = z.output<typeof stockItemSchema>;
/** A stock item resolved against the shop's catalogue. */
export type CheckedStockItem = { item: StockItem; variantId: string; warehouseId: string; productId: string };

/**
 * Resolves the items against the seller's catalogue and records each bad one in `errors` by index
 * (unknown or another shop's SKU, a warehouse the shop cannot use, a quantity below the reserved
 * units); returns the good ones. With `lock` the stock rows stay locked until the caller's
 * transaction ends, so the reserved numbers checked are the ones the write will meet. The API
 * refuses a batch with any bad item; the portal's CSV import applies the good ones and reports
 * the rest: one rule for both.
 */
export async function checkStockItems(
  db: Db,
  sellerId: string,
  stocks: readonly StockItem[],
  errors: BatchErrors,
  { lock }: { lock: boolean },
): Promise<CheckedStockItem[]> {
  const skus = [...new Set(stocks.map((item) => item.sku))];
  const codes = [...new Set(stocks.map((item) => item.warehouseCode))];
  // Another shop's SKU or warehouse is "not yours" exactly like one that does not exist.
  const variants = await db.$queryRaw<{ id: string; sku: string; productId: string }[]>`
    SELECT v.id, v.sku, v."productId" FROM "ProductVariant" v JOIN "Product" p ON p.id = v."productId"
     WHERE v.sku = ANY(${skus}::text[]) AND p."sellerId" = ${sellerId}::uuid`;
  const warehouses = await db.warehouse.findMany({
    where: { code: { in: codes }, OR: [{ kind: WarehouseKind.MARKETPLACE }, { kind: WarehouseKind.SELLER, sellerId }] },
    select: { id: true, code: true },
  });
  const variantBySku = new Map(variants.map((row) => [row.sku, row]));
  const warehouseByCode = new Map(warehouses.map((row) => [row.code, row.id]));

  const pairs: { variantId: string; warehouseId: string }[] = [];
  for (const item of stocks) {
    const variant = variantBySku.get(item.sku);
    const warehouseId = warehouseByCode.get(item.warehouseCode);
    if (variant && warehouseId) pairs.push({ variantId: variant.id, warehouseId });
  }
  // Locked in (variant, warehouse) order, the order checkout locks stock in, so a bulk update
  // and a checkout never deadlock; checkouts wait, then see the new quantities.
  const locked = pairs.length
    ? await db.$queryRaw<{ variantId: string; warehouseId: string; reserved: number }[]>`
        SELECT s."variantId", s."warehouseId", s.reserved FROM "Stock" s
          JOIN unnest(${pairs.map((p) => p.variantId)}::uuid[], ${pairs.map((p) => p.warehouseId)}::uuid[]) AS x("variantId", "warehouseId")
            ON s."variantId" = x."variantId" AND s."warehouseId" = x."warehouseId"
         ORDER BY s."variantId", s."warehouseId"
         ${lock ? Prisma.sql`FOR UPDATE OF s` : Prisma.empty}`
    : [];
  const reservedOf = new Map(locked.map((row) => [pairKey(row.variantId, row.warehouseId), row.reserved]));

  const checked: CheckedStockItem[] = [];
  stocks.forEach((item, index) => {
    const variant = variantBySku.get(item.sku);
    const warehouseId = warehouseByCode.get(item.warehouseCode);
    if (!variant) errors.add(index, "sku", `SKU "${item.sku}" is not in your catalogue.`);
    if (!warehouseId) errors.add(index, "warehouseCode", `Warehouse "${item.warehouseCode}" is not one you can keep stock in: use a marketplace warehouse or one of your own.`);
    if (!variant || !warehouseId) return;
    const reserved = reservedOf.get(pairKey(variant.id, warehouseId)) ?? 0;
    if (item.quantity < reserved) {
      errors.add(index, "quantity", `${reserved} units of SKU "${item.sku}" in warehouse "${item.warehouseCode}" are reserved for orders, so the quantity cannot be below ${reserved}.`);
    }
    if (!errors.isBad(index)) checked.push({ item, variantId: variant.id, warehouseId, productId: variant.productId });
  });
  return checked;
}

/** Writes checked items (in the transaction that checked them) and queues the search sync there. */
export async function writeStockLevels(tx: Prisma.TransactionClient, rows: readonly CheckedStockItem[]): Promise<SetStocksResult> {
  if (rows.length === 0) return { updated: 0, stocks: [] };
  // One statement for the batch; the CHECK (reserved <= onHand) stays the last word.
  const applied = await tx.$queryRaw<{ variantId: string; warehouseId: string; onHand: number; reserved: number }[]>(Prisma.sql`
    INSERT INTO "Stock" ("variantId", "warehouseId", "onHand", reserved, "updatedAt")
    SELECT x."variantId", x."warehouseId", x."onHand", 0, now()
      FROM unnest(${rows.map((r) => r.variantId)}::uuid[], ${rows.map((r) => r.warehouseId)}::uuid[], ${rows.map((r) => r.item.quantity)}::int[])
           AS x("variantId", "warehouseId", "onHand")
    ON CONFLICT ("variantId", "warehouseId") DO UPDATE SET "onHand" = excluded."onHand", "updatedAt" = now()
    RETURNING "variantId", "warehouseId", "onHand", reserved`);
  const after = new Map(applied.map((row) => [pairKey(row.variantId, row.warehouseId), row]));
  await enqueueSearchSync(tx, rows.map((row) => row.productId));

  return {
    updated: applied.length,
    stocks: rows.map(({ item, variantId, warehouseId }) => {
      const row = after.get(pairKey(variantId, warehouseId))!;
      return { sku: item.sku, warehouseCode: item.warehouseCode, onHand: row.onHand, reserved: row.reserved, available: row.onHand - row.reserved };
    }),
  };
}

export async function setStockLevels(sellerId: string, input: SetStocksInput): Promise<SetStocksResult> {
  const { stocks } = setStocksBody.parse(input);
  const errors = new BatchErrors("stocks");
  flagDuplicates(stocks, (item) => `${item.sku}\u0000${item.warehouseCode}`, (item) => `SKU "${item.sku}" in warehouse "${item.warehouseCode}"`, errors, "sku");

  return getPrisma().$transaction(async (tx) => {
    const checked = await checkStockItems(tx, sellerId, stocks, errors, { lock: true });
    errors.throwIfAny(stocks.length);
    return writeStockLevels(tx, checked);
  });
}
