// Revenue and paid orders per UTC day. A part counts from the day its order was paid, as long as
// the order is still paid or completed (cancelled and refunded orders drop out) and the part
// itself was not cancelled.
import { getPrisma, type Currency } from "@market/db";

export type SalesDay = { day: string; revenueMinor: number; orders: number };

const DAY_MS = 86_400_000;

/** The first instant of the window: midnight UTC `days - 1` days before `now`'s day. */
export function windowStart(now: Date, days: number): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - (days - 1) * DAY_MS);
}

export async function salesSeries(sellerId: string, currency: Currency, since: Date, days: number): Promise<SalesDay[]> {
  // Revenue adds up only parts in the shop's currency (amounts in two currencies cannot be
  // summed); every paid part counts as an order.
  const rows = await getPrisma().$queryRaw<{ day: string; revenue: bigint; orders: bigint }[]>`
    SELECT to_char(date_trunc('day', o."paidAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
           COALESCE(SUM(CASE WHEN p.currency::text = ${currency} THEN p."subtotalMinor" ELSE 0 END), 0)::bigint AS revenue,
           COUNT(*)::bigint AS orders
    FROM "OrderPart" p
    JOIN "Order" o ON o.id = p."orderId"
    WHERE p."sellerId" = ${sellerId}::uuid
      AND o.status IN ('PAID', 'COMPLETED')
      AND p.status <> 'CANCELLED' AND p."sellerStatus" <> 'CANCELLED'
      AND o."paidAt" >= ${since}
    GROUP BY 1`;
  const byDay = new Map(rows.map((row) => [row.day, row]));
  // Days without sales are still drawn, as zero, so the chart's time axis is even.
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    const row = byDay.get(day);
    return { day, revenueMinor: Number(row?.revenue ?? 0), orders: Number(row?.orders ?? 0) };
  });
}
