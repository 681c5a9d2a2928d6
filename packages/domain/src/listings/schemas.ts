// What a seller may send to create or change a listing. Strict objects: fields a seller does not
// own (sellerId, status, slug, rating, soldCount, popularity, minPriceMinor) are refused, never
// applied. Money is in integer minor units; the portal converts roubles before sending.
import { z } from "zod";
import { MAX_DESCRIPTION_LENGTH, sanitizeDescription } from "../catalog/product-description.ts";

export const MAX_IMAGES = 10;
export const MAX_VARIANTS = 200;
export const MAX_PRICE_MINOR = 2_000_000_000;
export const MAX_STOCK_QUANTITY = 1_000_000;
export const CURRENCIES = ["RUB", "KZT", "BYN", "USD", "EUR"] as const;
export const LISTING_STATUSES = ["DRAFT", "ACTIVE", "INACTIVE", "ARCHIVED"] as const;

const refuseUnknown = (what: string) => ({
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === "unrecognized_keys" ? `These fields cannot be set on ${what}: ${(issue.keys ?? []).join(", ")}` : undefined,
});

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} has at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));

const money = (label: string) =>
  z.int(`${label} must be a whole number of minor units (kopecks)`).min(1, `${label} must be greater than 0`).max(MAX_PRICE_MINOR, `${label} is too large`);

export const listingStockSchema = z.strictObject(
  {
    warehouseCode: z.string().trim().min(1, "Choose a warehouse").max(64, "A warehouse code has at most 64 characters"),
    quantity: z
      .int("Enter a whole number of units")
      .min(0, "Stock cannot be negative")
      .max(MAX_STOCK_QUANTITY, `Stock can be at most ${MAX_STOCK_QUANTITY}`),
  },
  refuseUnknown("a stock level"),
);

export const listingVariantSchema = z
  .strictObject(
    {
      size: optionalText(32, "A size"),
      color: optionalText(40, "A colour name"),
      colorHex: z
        .string()
        .trim()
        .regex(/^#[0-9a-fA-F]{6}$/, "Enter the colour as #RRGGBB")
        .nullish()
        .transform((value) => (value ? value.toLowerCase() : null)),
      sku: z
        .string()
        .trim()
        .min(1, "Enter the SKU")
        .max(100, "A SKU has at most 100 characters")
        .regex(/^[\p{L}\p{N}._\-/]+$/u, "A SKU uses letters, digits and . _ - / only"),
      barcode: z
        .string()
        .trim()
        .regex(/^\d{8,14}$/, "A barcode is 8 to 14 digits (EAN-8, EAN-13, GTIN-14)")
        .nullish()
        .or(z.literal(""))
        .transform((value) => (value ? value : null)),
      priceMinor: money("The price"),
      compareAtMinor: money("The price before discount").nullish().transform((value) => value ?? null),
      isActive: z.boolean().default(true),
      stocks: z.array(listingStockSchema).max(50, "At most 50 warehouses per SKU").default([]),
    },
    refuseUnknown("a variant"),
  )
  .refine((variant) => variant.compareAtMinor === null || variant.compareAtMinor > variant.priceMinor, {
    message: "The price before discount must be higher than the price",
    path: ["compareAtMinor"],
  });

export const listingImageSchema = z.strictObject(
  {
    storageKey: z.string().trim().min(1, "Upload the image again").max(300, "Unknown image"),
    alt: z.string().trim().max(200, "A picture description has at most 200 characters").default(""),
  },
  refuseUnknown("an image"),
);

/** A characteristic's value as the form (strings) or a script (numbers, booleans) sends it; empty means not set. */
export const characteristicValueSchema = z.union([z.string().trim().max(200, "A value has at most 200 characters"), z.number(), z.boolean(), z.null()]);

export const listingInputSchema = z.strictObject(
  {
    categoryId: z.uuid("Choose a category"),
    title: z.string().trim().min(3, "A title has at least 3 characters").max(150, "A title has at most 150 characters"),
    brand: optionalText(80, "A brand"),
    description: z
      .string()
      .max(MAX_DESCRIPTION_LENGTH * 2, `A description has at most ${MAX_DESCRIPTION_LENGTH} characters`)
      .default("")
      .transform(sanitizeDescription)
      .pipe(z.string().max(MAX_DESCRIPTION_LENGTH, `A description has at most ${MAX_DESCRIPTION_LENGTH} characters`)),
    currency: z.enum(CURRENCIES, "Choose a currency").default("RUB"),
    /** By the category characteristic's key. */
    characteristics: z.record(z.string().max(64), characteristicValueSchema).default({}),
    variants: z.array(listingVariantSchema).min(1, "Add at least one variant (a size, a colour, or one SKU)").max(MAX_VARIANTS, `A product has at most ${MAX_VARIANTS} variants`),
    images: z.array(listingImageSchema).max(MAX_IMAGES, `A product has at most ${MAX_IMAGES} images`).default([]),
  },
  refuseUnknown("a product"),
);
export type ListingInput = z.input<typeof listingInputSchema>;
export type ParsedListingInput = z.output<typeof listingInputSchema>;
export type ListingVariantInput = z.input<typeof listingVariantSchema>;

export const listingStatusSchema = z.enum(LISTING_STATUSES);
export type ListingStatus = z.output<typeof listingStatusSchema>;

export const listListingsInputSchema = z.strictObject({
  /** Omitted: everything except archived products. */
  status: listingStatusSchema.optional(),
  query: z.string().trim().max(100).optional(),
  page: z.int().min(1).max(10_000).default(1),
  pageSize: z.int().min(1).max(100).default(20),
});
export type ListListingsInput = z.input<typeof listListingsInputSchema>;
