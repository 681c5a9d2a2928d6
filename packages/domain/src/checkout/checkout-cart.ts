// The shopper's cart as checkout sees it: each line with what the order snapshots of it and what
// decides whether it can still be sold, read in one query inside the order's transaction.
import type { Currency, ProductStatus, SellerStatus } from "@market/db";
import type { Db } from "../db.ts";

export type CheckoutLine = {
  variantId: string;
  quantity: number;
  variant: {
    sku: string;
    size: string | null;
    color: string | null;
    priceMinor: number;
    compareAtMinor: number | null;
    currency: Currency;
    isActive: boolean;
    product: { id: string; title: string; status: ProductStatus; sellerId: string; seller: { status: SellerStatus }; images: { storageKey: string }[] };
  };
};

/** The shopper's cart lines, in the order they were added. */
export async function readCartForCheckout(tx: Db, userId: string): Promise<CheckoutLine[]> {
  const rows = await tx.$queryRaw<
    (Omit<CheckoutLine["variant"], "product"> & { variantId: string; quantity: number; productId: string; title: string; productStatus: ProductStatus; sellerId: string; sellerStatus: SellerStatus; imageKey: string | null })[]
  >`
    SELECT l."variantId", l.quantity, v.sku, v.size, v.color, v."priceMinor", v."compareAtMinor", v.currency::text AS currency, v."isActive",
           p.id AS "productId", p.title, p.status::text AS "productStatus", p."sellerId", s.status::text AS "sellerStatus",
           (SELECT i."storageKey" FROM "ProductImage" i WHERE i."productId" = p.id ORDER BY i.position ASC LIMIT 1) AS "imageKey"
      FROM "CartLine" l
      JOIN "Cart" c ON c.id = l."cartId"
      JOIN "ProductVariant" v ON v.id = l."variantId"
      JOIN "Product" p ON p.id = v."productId"
      JOIN "Seller" s ON s.id = p."sellerId"
     WHERE c."userId" = ${userId}::uuid
     ORDER BY l."addedAt" ASC, l.id ASC`;
  return rows.map((row) => ({
    variantId: row.variantId,
    quantity: row.quantity,
    variant: {
      sku: row.sku,
      size: row.size,
      color: row.color,
      priceMinor: row.priceMinor,
      compareAtMinor: row.compareAtMinor,
      currency: row.currency,
      isActive: row.isActive,
      product: {
        id: row.productId,
        title: row.title,
        status: row.productStatus,
        sellerId: row.sellerId,
        seller: { status: row.sellerStatus },
        images: row.imageKey ? [{ storageKey: row.imageKey }] : [],
      },
    },
  }));
}
