export * from "./schemas.ts";
export { newGuestCartToken, isGuestCartToken } from "./guest-token.ts";
export { addToCart, type AddedToCart } from "./add-to-cart.ts";
export { getCartSummary, type CartSummary } from "./get-cart-summary.ts";
export { getCart, type CartView, type CartLineView } from "./get-cart.ts";
export { mergeGuestCart } from "./merge-guest-cart.ts";
