// What lets an open order page follow the order without reloading: a short fingerprint of
// everything the page shows that can change on its own (the order's status, each package's status
// and tracking, the payment, returns). The page polls it every few seconds while the order is not
// finished, and renders itself again only when it changes: one indexed query per poll instead of
// a whole page render.
import { getPrisma } from "@market/db";
import { AppError } from "../errors.ts";

/** The fingerprint of the shopper's order, or NOT_FOUND for an order that is not theirs. */
export async function orderUpdateStamp(userId: string, number: string): Promise<{ stamp: string }> {
  // Timestamps are compared as PostgreSQL prints them (microseconds), and the statement is one
  // round trip: each subquery reads the rows of this order through its own index.
  const [row] = await getPrisma().$queryRaw<{ stamp: string }[]>`
    SELECT concat_ws('|',
      o.status::text,
      o."updatedAt"::text,
      (SELECT string_agg(p.status::text || ':' || p."updatedAt"::text, ',' ORDER BY p.id) FROM "OrderPart" p WHERE p."orderId" = o.id),
      (SELECT max(pay."updatedAt")::text FROM "Payment" pay WHERE pay."orderId" = o.id),
      (SELECT max(r."updatedAt")::text FROM "ReturnRequest" r JOIN "OrderLine" l ON l.id = r."orderLineId" WHERE l."orderId" = o.id)
    ) AS stamp
    FROM "Order" o
    WHERE o.number = ${number} AND o."userId" = ${userId}::uuid`;
  if (!row) throw new AppError("NOT_FOUND", "We could not find this order in your account.");
  return { stamp: row.stamp };
}
