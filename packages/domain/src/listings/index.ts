// Listings: a shop's products as the seller edits them (portal, REST API, CSV import all call
// these services, so one rule lives in one place).
export { PRODUCT_NOT_FOUND, resolveSellerId, type ListingAccess } from "./access.ts";
export {
  CURRENCIES,
  LISTING_STATUSES,
  MAX_IMAGES,
  MAX_PRICE_MINOR,
  MAX_STOCK_QUANTITY,
  MAX_VARIANTS,
  characteristicValueSchema,
  listListingsInputSchema,
  listingImageSchema,
  listingInputSchema,
  listingStatusSchema,
  listingStockSchema,
  listingVariantSchema,
  type ListListingsInput,
  type ListingInput,
  type ListingStatus,
  type ListingVariantInput,
  type ParsedListingInput,
} from "./schemas.ts";
export { MAX_DESCRIPTION_LENGTH, descriptionText, descriptionToHtml, sanitizeDescription } from "../catalog/product-description.ts";
export { getCategoryForm, listCategoriesForListing, type CategoryForm, type ListingCategory } from "./categories.ts";
export { createListing, updateListing, type SavedListing } from "./save-listing.ts";
export { archiveListing, publishListing, unpublishListing, type ListingStatusChange } from "./status.ts";
export { getListing, listListings, type ListingDetail, type ListingSummary, type ListingPage } from "./read-listings.ts";
export { listWarehousesForListing, type ListingWarehouse } from "./warehouses.ts";
