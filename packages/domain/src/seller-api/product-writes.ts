// Creating and changing the key's shop's product cards. Every write is the portal's listings
// service (createListing, updateListing, publishListing, …) with the key's shop as the access,
// so the API and the portal follow one set of rules: the same strict input (fields a seller does
// not own, like sellerId, rating, soldCount or status, are refused), the same checks, the same
// search index sync in the same transaction.
import { z } from "zod";
import {
  archiveListing,
  createListing,
  getListing,
  listingInputSchema,
  publishListing,
  unpublishListing,
  updateListing,
  type ListingDetail,
  type ListingInput,
} from "../listings/index.ts";
import { getSellerProduct, type ApiProduct } from "./products.ts";

export const createProductBody = listingInputSchema.describe(
  "A product card: its category, title, description (HTML, sanitised), characteristics by key, variants (one per size and colour, each with its SKU, price and stock per warehouse) and images (storage keys of uploaded pictures). Created as a draft; publish it when it is complete.",
);

/** Only the fields sent change; the rest stays as it is. Strict like the create body. */
export const updateProductBody = listingInputSchema
  .partial()
  .describe(
    "Any of the create fields. Fields left out stay as they are. `variants`, when sent, is the complete list: a SKU left out is deactivated (never deleted, orders point at it); each variant's `stocks` sets only the warehouses it lists (use POST /stocks for stock alone).",
  );

export async function createSellerProduct(sellerId: string, body: z.output<typeof createProductBody>): Promise<ApiProduct> {
  // The parsed body is valid input again (parsing it twice gives the same card).
  const saved = await createListing({ sellerId }, body as ListingInput);
  return getSellerProduct(sellerId, saved.id);
}

/** The card as it is now, in the create body's terms; stocks left empty so stock is not rewritten. */
function asInput(current: ListingDetail): ListingInput {
  return {
    categoryId: current.categoryId,
    title: current.title,
    brand: current.brand,
    description: current.description,
    currency: current.currency,
    characteristics: current.characteristics,
    variants: current.variants.map((variant) => ({
      sku: variant.sku,
      barcode: variant.barcode,
      size: variant.size,
      color: variant.color,
      colorHex: variant.colorHex,
      priceMinor: variant.priceMinor,
      compareAtMinor: variant.compareAtMinor,
      isActive: variant.isActive,
      stocks: [],
    })),
    images: current.images.map((image) => ({ storageKey: image.storageKey, alt: image.alt })),
  };
}

/**
 * Applies the fields the caller sent (`sent`: the keys of the raw JSON body; the parsed body has
 * zod's defaults filled in, which must not overwrite what the card has) over the current card.
 */
export async function updateSellerProduct(sellerId: string, productId: string, body: z.output<typeof updateProductBody>, sent: readonly string[]): Promise<ApiProduct> {
  const current = await getListing({ sellerId }, productId);
  const changes = Object.fromEntries(Object.entries(body).filter(([key]) => sent.includes(key)));
  await updateListing({ sellerId }, productId, { ...asInput(current), ...changes } as ListingInput);
  return getSellerProduct(sellerId, productId);
}

export async function publishSellerProduct(sellerId: string, productId: string): Promise<ApiProduct> {
  await publishListing({ sellerId }, productId);
  return getSellerProduct(sellerId, productId);
}

export async function unpublishSellerProduct(sellerId: string, productId: string): Promise<ApiProduct> {
  await unpublishListing({ sellerId }, productId);
  return getSellerProduct(sellerId, productId);
}

export async function archiveSellerProduct(sellerId: string, productId: string): Promise<ApiProduct> {
  await archiveListing({ sellerId }, productId);
  return getSellerProduct(sellerId, productId);
}
