export * from "./schemas.ts";
export { listProducts } from "./list-products.ts";
export { listCategoryTree, type CategoryNode } from "./list-categories.ts";
export { type ProductCard } from "./product-card.ts";
export { getCategory, type CategoryPage } from "./get-category.ts";
export { getProductPage, averageRating, type ProductPage, type ProductPageVariant, type SizeChart } from "./get-product-page.ts";
export { listProductsByIds } from "./list-products-by-ids.ts";
export { availableUnits } from "./stock.ts";
export { MAX_DESCRIPTION_LENGTH, descriptionText, descriptionToHtml, sanitizeDescription } from "./product-description.ts";
