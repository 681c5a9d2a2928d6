// The seller portal's dashboard for one shop: sales over the last 30 days, orders by status, best
// sellers and low stock. Each figure is one grouped SQL query, so the cost does not grow with
// the shop's order history in the application.
import { z } from "zod";
import { lowStock, LOW_STOCK_THRESHOLD, type LowStockVariant } from "./low-stock.ts";
import { salesSeries, windowStart, type SalesDay } from "./sales-series.ts";
import { requireShopMember, type ShopRef } from "./shop-access.ts";
import { statusCounts, type StatusCounts } from "./status-counts.ts";
import { topProducts, type TopProduct } from "./top-products.ts";

export const DASHBOARD_DAYS = 30;

export const sellerDashboardInput = z.object({ sellerId: z.uuid("Unknown shop") });
export type SellerDashboardInput = z.input<typeof sellerDashboardInput>;

export type SellerDashboard = {
  shop: ShopRef;
  currency: ShopRef["currency"];
  days: number;
  since: Date;
  sales: SalesDay[];
  totals: { revenueMinor: number; orders: number };
  statuses: StatusCounts;
  topProducts: TopProduct[];
  lowStock: { threshold: number; count: number; items: LowStockVariant[] };
};

export async function getSellerDashboard(userId: string, input: SellerDashboardInput, { now = new Date() }: { now?: Date } = {}): Promise<SellerDashboard> {
  const { sellerId } = sellerDashboardInput.parse(input);
  const shop = await requireShopMember(userId, sellerId);
  const since = windowStart(now, DASHBOARD_DAYS);
  const [sales, statuses, top, low] = await Promise.all([
    salesSeries(shop.id, shop.currency, since, DASHBOARD_DAYS),
    statusCounts(shop.id),
    topProducts(shop.id, since),
    lowStock(shop.id),
  ]);
  return {
    shop,
    currency: shop.currency,
    days: DASHBOARD_DAYS,
    since,
    sales,
    totals: { revenueMinor: sales.reduce((sum, d) => sum + d.revenueMinor, 0), orders: sales.reduce((sum, d) => sum + d.orders, 0) },
    statuses,
    topProducts: top,
    lowStock: { threshold: LOW_STOCK_THRESHOLD, ...low },
  };
}
