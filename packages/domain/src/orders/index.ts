export * from "./schemas.ts";
export { getOrder, type OrderDetail, type TimelineEntry } from "./get-order.ts";
export { listOrders, type OrderSummary } from "./list-orders.ts";
export { partStatusForShopper, shopperOrderStatus, type ShopperOrderStatus } from "./order-status.ts";
