// Setting prices in batches of up to 1,000 SKUs, validated as a whole and applied in one
// transaction with the product's cheapest price (the listing's "from" price) recomputed and the
// search index sync queued in it.
import { getPrisma, Prisma } from "@market/db";
import { z } from "zod";
import type { Db } from "../db.ts";
import { enqueueSearchSync } from "../search/index.ts";
import { batchOf, BatchErrors, flagDuplicates, skuField } from "./batch.ts";

const MAX_PRICE_MINOR = 2_000_000_000;

const money = (field: string) =>
  z.int(`${field} must be a whole number of minor units`).min(1, `${field} must be greater than 0`).max(MAX_PRICE_MINOR, `${field} can be at most ${MAX_PRICE_MINOR}`);

export const priceItemSchema = z
  .strictObject({
    sku: skuField,
    priceMinor: money("priceMinor").describe("The price shoppers pay, in minor units of the SKU's currency"),
    compareAtMinor: money("compareAtMinor")
      .nullable()
      .optional()
      .describe("The price before the discount, shown crossed out; must be above priceMinor. null removes the discount; omitted keeps the current one"),
  })
  .refine((item) => item.compareAtMinor == null || item.compareAtMinor > item.priceMinor, {
    message: "compareAtMinor must be greater than priceMinor",
    path: ["compareAtMinor"],
  });
export const setPricesBody = z.strictObject({ prices: batchOf(priceItemSchema, "price") });
export type SetPricesInput = z.input<typeof setPricesBody>;

export const priceResultSchema = z.object({
  updated: z.int(),
  prices: z.array(z.object({ sku: z.string(), priceMinor: z.int(), compareAtMinor: z.int().nullable(), currency: z.string() })),
});
export type SetPricesResult = z.output<typeof priceResultSchema>;

export type PriceItem = z.output<typeof priceItemSchema>;
/** A price item resolved against the shop's catalogue. */
export type CheckedPriceItem = { item: PriceItem; variantId: string; productId: string };

/**
 * Resolves the items against the seller's catalogue and records each bad one in `errors` by index;
 * returns the good ones. With `lock` the variants stay locked until the caller's transaction
 * ends, so a kept compareAtMinor is checked against the value that will actually stay. Shared by
 * the API (all or nothing) and the portal's CSV import (good rows applied, bad ones reported).
 */
export async function checkPriceItems(
  db: Db,
  sellerId: string,
  prices: readonly PriceItem[],
  errors: BatchErrors,
  { lock }: { lock: boolean },
): Promise<CheckedPriceItem[]> {
  const variants = await db.$queryRaw<{ id: string; sku: string; productId: string; compareAtMinor: number | null }[]>`
    SELECT v.id, v.sku, v."productId", v."compareAtMinor" FROM "ProductVariant" v JOIN "Product" p ON p.id = v."productId"
     WHERE v.sku = ANY(${[...new Set(prices.map((item) => item.sku))]}::text[]) AND p."sellerId" = ${sellerId}::uuid
     ORDER BY v.id
     ${lock ? Prisma.sql`FOR UPDATE OF v` : Prisma.empty}`;
  const bySku = new Map(variants.map((row) => [row.sku, row]));

  const checked: CheckedPriceItem[] = [];
  prices.forEach((item, index) => {
    const variant = bySku.get(item.sku);
    if (!variant) return errors.add(index, "sku", `SKU "${item.sku}" is not in your catalogue.`);
    if (item.compareAtMinor === undefined && variant.compareAtMinor !== null && variant.compareAtMinor <= item.priceMinor) {
      errors.add(index, "compareAtMinor", `SKU "${item.sku}" has a crossed-out price of ${variant.compareAtMinor}, which must stay above the price: send a higher compareAtMinor, or null to remove the discount.`);
    }
    if (!errors.isBad(index)) checked.push({ item, variantId: variant.id, productId: variant.productId });
  });
  return checked;
}

/**
 * Writes checked items in the transaction that checked them, recomputes the products' "from"
 * prices and queues the search sync there.
 */
export async function writePrices(tx: Prisma.TransactionClient, rows: readonly CheckedPriceItem[]): Promise<SetPricesResult> {
  if (rows.length === 0) return { updated: 0, prices: [] };
  const applied = await tx.$queryRaw<{ sku: string; priceMinor: number; compareAtMinor: number | null; currency: string }[]>(Prisma.sql`
    UPDATE "ProductVariant" v
       SET "priceMinor" = x.price,
           "compareAtMinor" = CASE WHEN x.keep THEN v."compareAtMinor" ELSE x."compareAt" END,
           "updatedAt" = now()
      FROM unnest(${rows.map((r) => r.variantId)}::uuid[], ${rows.map((r) => r.item.priceMinor)}::int[],
                  ${rows.map((r) => r.item.compareAtMinor ?? null)}::int[], ${rows.map((r) => r.item.compareAtMinor === undefined)}::boolean[])
           AS x(id, price, "compareAt", keep)
     WHERE v.id = x.id
    RETURNING v.sku, v."priceMinor", v."compareAtMinor", v.currency::text AS currency`);
  const productIds = [...new Set(rows.map((r) => r.productId))];
  await tx.$executeRaw`
    UPDATE "Product" p
       SET "minPriceMinor" = coalesce(
             (SELECT min(v."priceMinor") FROM "ProductVariant" v WHERE v."productId" = p.id AND v."isActive"),
             (SELECT min(v."priceMinor") FROM "ProductVariant" v WHERE v."productId" = p.id)),
           "updatedAt" = now()
     WHERE p.id = ANY(${productIds}::uuid[])`;
  await enqueueSearchSync(tx, productIds);

  const after = new Map(applied.map((row) => [row.sku, row]));
  return { updated: applied.length, prices: rows.map(({ item }) => after.get(item.sku)!) };
}

export async function setPrices(sellerId: string, input: SetPricesInput): Promise<SetPricesResult> {
  const { prices } = setPricesBody.parse(input);
  const errors = new BatchErrors("prices");
  flagDuplicates(prices, (item) => item.sku, (item) => `SKU "${item.sku}"`, errors, "sku");

  return getPrisma().$transaction(async (tx) => {
    const checked = await checkPriceItems(tx, sellerId, prices, errors, { lock: true });
    errors.throwIfAny(prices.length);
    return writePrices(tx, checked);
  });
}
