export { DASHBOARD_DAYS, getSellerDashboard, sellerDashboardInput, type SellerDashboard, type SellerDashboardInput } from "./get-seller-dashboard.ts";
export { LOW_STOCK_THRESHOLD, type LowStockVariant } from "./low-stock.ts";
export type { SalesDay } from "./sales-series.ts";
export { requireShopMember, SHOP_NOT_FOUND, type ShopRef } from "./shop-access.ts";
export type { StatusCounts } from "./status-counts.ts";
export type { TopProduct } from "./top-products.ts";
