// What placing an order needs to know, read in one statement before anything is written: an
// order this submission already placed, the pickup point, the shopper's cart lines with what the
// order snapshots of them and what decides whether they can still be sold, and the stock of
// their variants. Nothing is locked: the write that follows re-checks what matters (see
// reserveStockUpsert), so a change in between fails it and the placement starts again from here.
import type { Currency, ProductStatus, SellerStatus } from "@market/db";
import type { Db } from "../db.ts";
import type { StockRow } from "./allocate-stock.ts";

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

export type EarlierOrder = { id: string; number: string; totalMinor: number; currency: Currency; reservationExpiresAt: string | null };
export type PickupPointSummary = { city: string; deliveryDays: number; isActive: boolean };

export type CheckoutState = {
  /** The order this shopper already placed with this idempotency key, if any. */
  earlier: EarlierOrder | null;
  /** Null for courier delivery, or when the point does not exist. */
  pickupPoint: PickupPointSummary | null;
  /** In the order they were added. */
  lines: CheckoutLine[];
  /** Every stock row of the lines' variants, by variant and warehouse. */
  stock: StockRow[];
};

type LineRow = Omit<CheckoutLine["variant"], "product"> & {
  variantId: string;
  quantity: number;
  productId: string;
  title: string;
  productStatus: ProductStatus;
  sellerId: string;
  sellerStatus: SellerStatus;
  imageKey: string | null;
};

export async function readCheckout(db: Db, { userId, idempotencyKey, pickupPointId }: { userId: string; idempotencyKey: string; pickupPointId: string | null }): Promise<CheckoutState> {
  const [row] = await db.$queryRaw<{ earlier: EarlierOrder | null; pickupPoint: PickupPointSummary | null; lines: LineRow[]; stock: StockRow[] }[]>`
    WITH lines AS (
      SELECT l."variantId", l.quantity, v.sku, v.size, v.color, v."priceMinor", v."compareAtMinor", v.currency, v."isActive",
             p.id AS "productId", p.title, p.status AS "productStatus", p."sellerId", s.status AS "sellerStatus",
             (SELECT i."storageKey" FROM "ProductImage" i WHERE i."productId" = p.id ORDER BY i.position ASC LIMIT 1) AS "imageKey",
             l."addedAt", l.id
        FROM "CartLine" l
        JOIN "Cart" c ON c.id = l."cartId"
        JOIN "ProductVariant" v ON v.id = l."variantId"
        JOIN "Product" p ON p.id = v."productId"
        JOIN "Seller" s ON s.id = p."sellerId"
       WHERE c."userId" = ${userId}::uuid
    )
    SELECT
      (SELECT json_build_object('id', o.id, 'number', o.number, 'totalMinor', o."totalMinor", 'currency', o.currency,
                                'reservationExpiresAt', o."reservationExpiresAt" AT TIME ZONE 'UTC')
         FROM "Order" o WHERE o."userId" = ${userId}::uuid AND o."idempotencyKey" = ${idempotencyKey}) AS earlier,
      (SELECT json_build_object('city', pp.city, 'deliveryDays', pp."deliveryDays", 'isActive', pp."isActive")
         FROM "PickupPoint" pp WHERE pp.id = ${pickupPointId}::uuid) AS "pickupPoint",
      COALESCE((SELECT json_agg(l ORDER BY l."addedAt", l.id) FROM lines l), '[]') AS lines,
      COALESCE((SELECT json_agg(json_build_object('variantId', st."variantId", 'warehouseId', st."warehouseId", 'city', w.city, 'available', st."onHand" - st.reserved)
                                ORDER BY st."variantId", st."warehouseId")
                  FROM "Stock" st JOIN "Warehouse" w ON w.id = st."warehouseId"
                 WHERE st."variantId" IN (SELECT "variantId" FROM lines)), '[]') AS stock`;
  const { earlier, pickupPoint, lines, stock } = row!;
  return {
    earlier,
    pickupPoint,
    stock,
    lines: lines.map((line) => ({
      variantId: line.variantId,
      quantity: line.quantity,
      variant: {
        sku: line.sku,
        size: line.size,
        color: line.color,
        priceMinor: line.priceMinor,
        compareAtMinor: line.compareAtMinor,
        currency: line.currency,
        isActive: line.isActive,
        product: {
          id: line.productId,
          title: line.title,
          status: line.productStatus,
          sellerId: line.sellerId,
          seller: { status: line.sellerStatus },
          images: line.imageKey ? [{ storageKey: line.imageKey }] : [],
        },
      },
    })),
  };
}
