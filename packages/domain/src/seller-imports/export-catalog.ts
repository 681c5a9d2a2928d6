// The shop's catalogue as CSV in the product file's format, so export → edit → import round-trips:
// one row per variant, card fields repeated on every row, characteristics as char:<key> columns.
// Archived cards are left out (importing them would bring them back as drafts). Written page by
// page so a large catalogue streams instead of being built in memory.
import { getPrisma } from "@market/db";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { requireShopMember } from "../seller-dashboard/shop-access.ts";
import { formatPrice } from "./cells.ts";

export const exportCatalogInput = z.strictObject({ sellerId: z.uuid("Choose a shop") });
export type ExportCatalogInput = z.input<typeof exportCatalogInput>;

const PAGE = 200;
const FIXED_COLUMNS = ["article", "category", "title", "brand", "description", "size", "color", "sku", "barcode", "price", "discount_price"];

/**
 * Checks membership first (throws NOT_FOUND for another shop), then yields the CSV text: the
 * header (with a byte-order mark so Excel reads UTF-8), then rows a page of products at a time.
 */
export async function catalogCsvRows(userId: string, input: ExportCatalogInput): Promise<{ fileName: string; rows: AsyncGenerator<string> }> {
  const { sellerId } = exportCatalogInput.parse(input);
  const shop = await requireShopMember(userId, sellerId);
  const prisma = getPrisma();
  const where = { sellerId, status: { not: "ARCHIVED" as const } };
  const keys = await prisma.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT c.key FROM "ProductCharacteristic" pc
      JOIN "CategoryCharacteristic" c ON c.id = pc."characteristicId"
      JOIN "Product" p ON p.id = pc."productId"
     WHERE p."sellerId" = ${sellerId}::uuid AND p.status <> 'ARCHIVED'
     ORDER BY c.key`;
  const charKeys = keys.map((row) => row.key);

  async function* rows(): AsyncGenerator<string> {
    yield stringify([[...FIXED_COLUMNS, ...charKeys.map((key) => `char:${key}`)]], { bom: true });
    let cursor: string | undefined;
    for (;;) {
      const products = await prisma.product.findMany({
        where,
        orderBy: { id: "asc" },
        take: PAGE,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select: {
          id: true,
          slug: true,
          title: true,
          brand: true,
          description: true,
          category: { select: { slug: true } },
          characteristics: { select: { value: true, characteristic: { select: { key: true } } } },
          variants: { where: { isActive: true }, orderBy: [{ position: "asc" }, { sku: "asc" }], select: { sku: true, size: true, color: true, barcode: true, priceMinor: true, compareAtMinor: true } },
        },
      });
      if (products.length === 0) return;
      const records: string[][] = [];
      for (const product of products) {
        const chars = new Map(product.characteristics.flatMap((row) => (row.characteristic ? [[row.characteristic.key, row.value] as const] : [])));
        for (const variant of product.variants) {
          const discounted = variant.compareAtMinor !== null && variant.compareAtMinor > variant.priceMinor;
          records.push([
            product.slug,
            product.category.slug,
            product.title,
            product.brand ?? "",
            product.description,
            variant.size ?? "",
            variant.color ?? "",
            variant.sku,
            variant.barcode ?? "",
            formatPrice(discounted ? variant.compareAtMinor! : variant.priceMinor),
            discounted ? formatPrice(variant.priceMinor) : "",
            ...charKeys.map((key) => chars.get(key) ?? ""),
          ]);
        }
      }
      yield stringify(records);
      cursor = products.at(-1)!.id;
      if (products.length < PAGE) return;
    }
  }
  return { fileName: `${shop.slug}-catalogue.csv`, rows: rows() };
}
