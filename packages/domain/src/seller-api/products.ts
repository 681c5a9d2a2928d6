// Reading the key's shop's catalogue: product cards with their variants (SKU, barcode, size,
// colour), prices in minor units and stock per warehouse. A product of another shop is answered
// exactly like one that does not exist.
import { getPrisma, type Prisma } from "@market/db";
import { z } from "zod";
import { AppError } from "../errors.ts";
import { fileUrl } from "../files/index.ts";
import { cursorPage, pageQuery, pageOf } from "./pagination.ts";

export const productStatusSchema = z.enum(["draft", "active", "inactive", "archived"]);
export const currencySchema = z.enum(["RUB", "KZT", "BYN", "USD", "EUR"]);

export const variantStockSchema = z.object({
  warehouseCode: z.string(),
  warehouseKind: z.enum(["marketplace", "seller"]).describe("marketplace: shipped by the marketplace's warehouse; seller: the shop's own warehouse, shipped by the shop"),
  onHand: z.int().describe("Units in the warehouse"),
  reserved: z.int().describe("Units held for orders awaiting payment or shipping"),
  available: z.int().describe("onHand - reserved: what shoppers can buy"),
});

export const variantSchema = z.object({
  sku: z.string(),
  barcode: z.string().nullable(),
  size: z.string().nullable(),
  color: z.string().nullable(),
  colorHex: z.string().nullable().describe("The colour swatch as #rrggbb"),
  priceMinor: z.int().describe("Price in minor units of `currency` (kopecks for RUB)"),
  compareAtMinor: z.int().nullable().describe("Price before the discount, shown crossed out; null without a discount"),
  discountPercent: z.int().nullable(),
  currency: currencySchema,
  isActive: z.boolean(),
  stocks: z.array(variantStockSchema),
});

export const productSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: productStatusSchema,
  brand: z.string().nullable(),
  description: z.string().describe("Sanitised HTML"),
  category: z.object({ id: z.uuid(), name: z.string() }),
  characteristics: z.record(z.string(), z.string()).describe("Values by the category characteristic's key, as stored (numbers as text, Yes/No)"),
  images: z.array(z.object({ storageKey: z.string(), url: z.string(), alt: z.string() })).describe("In display order; send storageKey and alt back in `images` to keep them"),
  currency: currencySchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  variants: z.array(variantSchema),
});
export type ApiProduct = z.output<typeof productSchema>;

export const listProductsQuery = pageQuery;
export const productListSchema = cursorPage(productSchema);
export const productIdParams = z.object({ id: z.uuid("Unknown product") });

const productSelect = {
  id: true,
  title: true,
  status: true,
  brand: true,
  description: true,
  currency: true,
  characteristics: { orderBy: { position: "asc" }, select: { value: true, characteristic: { select: { key: true } } } },
  images: { orderBy: { position: "asc" }, select: { storageKey: true, alt: true } },
  createdAt: true,
  updatedAt: true,
  category: { select: { id: true, name: true } },
  variants: {
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      sku: true,
      barcode: true,
      size: true,
      color: true,
      colorHex: true,
      priceMinor: true,
      compareAtMinor: true,
      currency: true,
      isActive: true,
      stock: {
        orderBy: { warehouse: { code: "asc" } },
        select: { onHand: true, reserved: true, warehouse: { select: { code: true, kind: true } } },
      },
    },
  },
} satisfies Prisma.ProductSelect;

type ProductRow = Prisma.ProductGetPayload<{ select: typeof productSelect }>;

function toApiProduct(row: ProductRow): ApiProduct {
  return {
    id: row.id,
    title: row.title,
    status: row.status.toLowerCase() as ApiProduct["status"],
    brand: row.brand,
    description: row.description,
    category: row.category,
    characteristics: Object.fromEntries(row.characteristics.flatMap((entry) => (entry.characteristic ? [[entry.characteristic.key, entry.value]] : []))),
    images: row.images.map((image) => ({ storageKey: image.storageKey, url: fileUrl(image.storageKey), alt: image.alt })),
    currency: row.currency,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    variants: row.variants.map((variant) => ({
      sku: variant.sku,
      barcode: variant.barcode,
      size: variant.size,
      color: variant.color,
      colorHex: variant.colorHex,
      priceMinor: variant.priceMinor,
      compareAtMinor: variant.compareAtMinor,
      discountPercent: variant.compareAtMinor ? Math.round((1 - variant.priceMinor / variant.compareAtMinor) * 100) : null,
      currency: variant.currency,
      isActive: variant.isActive,
      stocks: variant.stock.map((stock) => ({
        warehouseCode: stock.warehouse.code,
        warehouseKind: stock.warehouse.kind === "SELLER" ? "seller" : "marketplace",
        onHand: stock.onHand,
        reserved: stock.reserved,
        available: Math.max(0, stock.onHand - stock.reserved),
      })),
    })),
  };
}

/** The shop's products in creation order (ids are time-ordered), one page at a time. */
export async function listSellerProducts(sellerId: string, query: z.output<typeof listProductsQuery>) {
  const rows = await getPrisma().product.findMany({
    where: { sellerId, ...(query.cursor ? { id: { gt: query.cursor } } : {}) },
    orderBy: { id: "asc" },
    take: query.limit + 1,
    select: productSelect,
  });
  return pageOf(rows.map(toApiProduct), query.limit);
}

export async function getSellerProduct(sellerId: string, productId: string): Promise<ApiProduct> {
  const row = await getPrisma().product.findFirst({ where: { id: productId, sellerId }, select: productSelect });
  if (!row) throw new AppError("NOT_FOUND", "We could not find this product in your shop.");
  return toApiProduct(row);
}
