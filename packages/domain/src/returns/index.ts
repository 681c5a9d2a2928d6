// Returns: the shopper asks back delivered items within 14 days; the seller accepts (the price
// is refunded through the payments side, see payments/refund-return.ts) or rejects.
export * from "./schemas.ts";
export { requestReturn, type ShopperReturn } from "./request-return.ts";
export { getOrderReturns, listMyReturns, type LineReturns, type MyReturn } from "./list-my-returns.ts";
export { acceptReturn, listSellerReturns, rejectReturn, type SellerReturn } from "./seller-returns.ts";
