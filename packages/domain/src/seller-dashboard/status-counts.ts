// How many of the shop's orders are at each seller status and each delivery status. Only parts of
// orders that were paid: an order awaiting payment is not the seller's to work on yet.
import { FulfilmentStatus, getPrisma, SellerOrderStatus } from "@market/db";

export type StatusCounts = {
  sellerStatus: Record<SellerOrderStatus, number>;
  deliveryStatus: Partial<Record<FulfilmentStatus, number>>;
};

export async function statusCounts(sellerId: string): Promise<StatusCounts> {
  const rows = await getPrisma().$queryRaw<{ sellerStatus: SellerOrderStatus; status: FulfilmentStatus; n: bigint }[]>`
    SELECT p."sellerStatus" AS "sellerStatus", p.status AS status, COUNT(*)::bigint AS n
    FROM "OrderPart" p
    JOIN "Order" o ON o.id = p."orderId"
    WHERE p."sellerId" = ${sellerId}::uuid AND o."paidAt" IS NOT NULL
    GROUP BY 1, 2`;
  const sellerStatus = Object.fromEntries(Object.values(SellerOrderStatus).map((s) => [s, 0])) as Record<SellerOrderStatus, number>;
  const deliveryStatus: Partial<Record<FulfilmentStatus, number>> = {};
  for (const row of rows) {
    sellerStatus[row.sellerStatus] += Number(row.n);
    deliveryStatus[row.status] = (deliveryStatus[row.status] ?? 0) + Number(row.n);
  }
  return { sellerStatus, deliveryStatus };
}
