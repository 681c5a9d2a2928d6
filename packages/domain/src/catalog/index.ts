export * from "./schemas.ts";
export { listProducts } from "./list-products.ts";
export { listCategoryTree, type CategoryNode } from "./list-categories.ts";
export { type ProductCard } from "./product-card.ts";
