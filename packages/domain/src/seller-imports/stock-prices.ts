// The stock and price file: one row per SKU and warehouse. Rows are checked on their own first
// (the same zod rules as the REST API's bulk endpoints), then against the shop's catalogue with
// the REST API's own checks (checkStockItems, checkPriceItems) so "one rule, one place" holds;
// unlike the API, good rows are applied and bad ones reported instead of refusing the file.
import type { Prisma } from "@market/db";
import { AppError } from "../errors.ts";
import type { Db } from "../db.ts";
import { BatchErrors } from "../seller-api/batch.ts";
import { checkPriceItems, priceItemSchema, writePrices, type CheckedPriceItem, type PriceItem } from "../seller-api/prices.ts";
import { checkStockItems, stockItemSchema, writeStockLevels, type StockItem } from "../seller-api/stocks.ts";
import { parsePrice, parseQuantity } from "./cells.ts";
import { parseCsv, type ParsedCsv } from "./csv.ts";
import type { RowError } from "./types.ts";

export const STOCK_PRICE_COLUMNS = [
  { name: "sku", required: true, description: "Your SKU of the variant (size and colour), as in your catalogue." },
  { name: "warehouse", required: false, description: "Warehouse code: a marketplace warehouse or one of your own. Needed with quantity." },
  { name: "quantity", required: false, description: "Units on hand in that warehouse (replaces the current number; not below the units reserved for orders)." },
  { name: "price", required: false, description: "The regular price in roubles, e.g. 1299.90 or 1299,90." },
  { name: "discount_price", required: false, description: "The price during a discount, lower than price; empty means no discount. Needs the price column." },
] as const;

export const STOCK_PRICE_TEMPLATE = "sku,warehouse,quantity,price,discount_price\nNT-DRESS-S-BLACK,MSK-1,25,3990.00,2490.00\nNT-DRESS-M-BLACK,MSK-1,10,3990.00,\n";

const KNOWN = new Set<string>(STOCK_PRICE_COLUMNS.map((column) => column.name));

/** A row that passed the checks that need no database: what to set for one SKU. */
export type StockPriceLine = { row: number; stock?: StockItem; price?: PriceItem };
export type StockPricePlan = { lines: StockPriceLine[]; errors: RowError[]; totalRows: number; parsed: ParsedCsv };

const FIELD_COLUMN: Record<string, string> = { sku: "sku", warehouseCode: "warehouse", quantity: "quantity", priceMinor: "price", compareAtMinor: "price" };

function headerProblems(columns: readonly string[]): string | null {
  const has = (name: string) => columns.includes(name);
  if (!has("sku")) return 'The file needs a "sku" column.';
  if (has("warehouse") !== has("quantity")) return 'Stock needs both a "warehouse" and a "quantity" column.';
  if (has("discount_price") && !has("price")) return 'A "discount_price" column needs a "price" column beside it.';
  if (!has("quantity") && !has("price")) return 'Add a "quantity" column (with "warehouse") to set stock, a "price" column to set prices, or both.';
  return null;
}

/**
 * Reads the file and checks every row on its own (no database): values, and duplicates across the
 * whole file (a second row for the same SKU and warehouse is reported, the first applies). The
 * result depends only on the file, so a resumed import splits it into the same chunks.
 */
export function planStockPriceImport(content: string | Buffer): StockPricePlan {
  const parsed = parseCsv(content, {
    knownColumn: (name) => KNOWN.has(name),
    otherKindHint: (columns) => (columns.includes("article") || columns.includes("title") ? 'This looks like a product file (it has an "article" or "title" column): choose "Products" as the file\'s contents.' : null),
  });
  const problem = headerProblems(parsed.columns);
  if (problem) throw new AppError("BAD_REQUEST", problem);
  const hasStock = parsed.columns.includes("quantity");
  const hasPrice = parsed.columns.includes("price");
  const hasDiscount = parsed.columns.includes("discount_price");

  const lines: StockPriceLine[] = [];
  const errors: RowError[] = [];
  const firstStock = new Map<string, number>();
  const firstPrice = new Map<string, { row: number; price: PriceItem }>();

  for (const { row, cells } of parsed.rows) {
    const rowErrors: RowError[] = [];
    const fail = (column: string, message: string) => rowErrors.push({ row, column, message });
    const sku = cells.sku ?? "";
    if (sku === "") fail("sku", "Enter the SKU.");

    let stock: StockItem | undefined;
    if (hasStock) {
      const warehouseCode = cells.warehouse ?? "";
      const quantity = parseQuantity(cells.quantity ?? "");
      if (warehouseCode === "") fail("warehouse", "Enter the warehouse code.");
      if (!quantity.ok) fail("quantity", quantity.message);
      if (sku && warehouseCode && quantity.ok) {
        const result = stockItemSchema.safeParse({ sku, warehouseCode, quantity: quantity.value });
        if (result.success) stock = result.data;
        else for (const issue of result.error.issues) fail(FIELD_COLUMN[String(issue.path[0])] ?? "sku", issue.message);
      }
    }

    let price: PriceItem | undefined;
    if (hasPrice) {
      const regular = parsePrice(cells.price ?? "", "price");
      const discount = hasDiscount && (cells.discount_price ?? "") !== "" ? parsePrice(cells.discount_price!, "discount price") : null;
      if (!regular.ok) fail("price", regular.message);
      if (discount && !discount.ok) fail("discount_price", discount.message);
      if (regular.ok && discount?.ok && discount.value >= regular.value) fail("discount_price", "The discount price must be lower than the price.");
      if (sku && regular.ok && (!discount || discount.ok) && rowErrors.length === 0) {
        // The shopper pays the discount price; the regular one is shown crossed out beside it.
        const candidate = discount?.ok ? { sku, priceMinor: discount.value, compareAtMinor: regular.value } : { sku, priceMinor: regular.value, compareAtMinor: null };
        const result = priceItemSchema.safeParse(candidate);
        if (result.success) price = result.data;
        else for (const issue of result.error.issues) fail(FIELD_COLUMN[String(issue.path[0])] ?? "price", issue.message);
      }
    }

    if (rowErrors.length === 0) {
      if (stock) {
        const key = `${stock.sku}\u0000${stock.warehouseCode}`;
        const earlier = firstStock.get(key);
        if (earlier !== undefined) fail("sku", `SKU "${sku}" in warehouse "${stock.warehouseCode}" is already in row ${earlier}; each SKU and warehouse once per file.`);
        else firstStock.set(key, row);
      } else if (price) {
        const earlier = firstPrice.get(price.sku);
        if (earlier) fail("sku", `SKU "${sku}" is already in row ${earlier.row}; each SKU once per file.`);
      }
      if (stock && price) {
        // One SKU in several warehouses repeats its price; rows that disagree cannot both win.
        const earlier = firstPrice.get(price.sku);
        if (earlier && (earlier.price.priceMinor !== price.priceMinor || earlier.price.compareAtMinor !== price.compareAtMinor)) {
          fail("price", `SKU "${sku}" has a different price in row ${earlier.row}; give it the same price in every row.`);
        }
      }
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    if (price && !firstPrice.has(price.sku)) firstPrice.set(price.sku, { row, price });
    lines.push({ row, ...(stock ? { stock } : {}), ...(price ? { price } : {}) });
  }
  return { lines, errors, totalRows: parsed.rows.length, parsed };
}

/**
 * Checks lines against the catalogue and, given a transaction, applies the good ones in it (rows
 * locked, search sync queued there). Returns the bad lines' problems. A line is applied whole or
 * not at all: a bad stock value also holds back that row's price.
 */
export async function checkAndApplyStockPriceLines(
  db: Db,
  sellerId: string,
  lines: readonly StockPriceLine[],
  apply: { tx: Prisma.TransactionClient } | null,
): Promise<{ errors: RowError[]; applied: number }> {
  const lock = apply !== null;
  const priced = lines.filter((line) => line.price);
  const stocked = lines.filter((line) => line.stock);
  // Prices first: their check locks the variants, which the stock write then references.
  const priceErrors = new BatchErrors("prices");
  const checkedPrices = priced.length ? await checkPriceItems(db, sellerId, priced.map((line) => line.price!), priceErrors, { lock }) : [];
  const stockErrors = new BatchErrors("stocks");
  const checkedStocks = stocked.length ? await checkStockItems(db, sellerId, stocked.map((line) => line.stock!), stockErrors, { lock }) : [];

  const errors: RowError[] = [];
  const badRows = new Set<number>();
  const reported = new Set<string>();
  const report = (row: number, problems: readonly { field: string; message: string }[]) => {
    for (const problem of problems) {
      const error = { row, column: FIELD_COLUMN[problem.field] ?? problem.field, message: problem.message };
      // An unknown SKU fails both the price and the stock check: one message is enough.
      const key = `${error.row}\u0000${error.column}\u0000${error.message}`;
      if (!reported.has(key)) errors.push(error);
      reported.add(key);
    }
    if (problems.length) badRows.add(row);
  };
  priced.forEach((line, index) => report(line.row, priceErrors.problemsOf(index)));
  stocked.forEach((line, index) => report(line.row, stockErrors.problemsOf(index)));
  errors.sort((a, b) => a.row - b.row);

  const goodPriceRows = new Set(priced.map((line) => line.row).filter((row) => !badRows.has(row)));
  const goodStockRows = new Set(stocked.map((line) => line.row).filter((row) => !badRows.has(row)));
  const applied = lines.filter((line) => !badRows.has(line.row)).length;
  if (!apply) return { errors, applied };

  // A SKU's price repeated on its warehouse rows is written once.
  const priceRowOf = new Map(priced.map((line) => [line.price!, line.row]));
  const prices = new Map<string, CheckedPriceItem>();
  for (const checked of checkedPrices) {
    if (goodPriceRows.has(priceRowOf.get(checked.item)!) && !prices.has(checked.item.sku)) prices.set(checked.item.sku, checked);
  }
  const stockRowOf = new Map(stocked.map((line) => [line.stock!, line.row]));
  await writePrices(apply.tx, [...prices.values()]);
  await writeStockLevels(apply.tx, checkedStocks.filter((checked) => goodStockRows.has(stockRowOf.get(checked.item)!)));
  return { errors, applied };
}
