// A SearchDocument as an Algolia record. Records carry everything a product card shows, so the
// storefront's search keeps answering from Algolia while the database is down (brief, question 4).
import { descriptionText } from "../../catalog/product-description.ts";
import type { SearchDocument } from "../types.ts";

/** Records over 10 KB are rejected on most plans; descriptions are the only long field. */
const DESCRIPTION_LIMIT = 2_000;

/**
 * Facet values that must carry a label besides the value the filters use are joined with this:
 * "nordic-threads|Nordic Threads". Slugs never contain it.
 */
export const FACET_SEPARATOR = "|";

export type AlgoliaRecord = {
  objectID: string;
  slug: string;
  title: string;
  description: string;
  brand: string | null;
  /** The category and its ancestors, for filtering (`categorySlugs:women`). */
  categorySlugs: string[];
  /** English and Russian names, searchable. */
  categoryNames: string[];
  /** "slug|name|nameRu" per category, searchable as facet values: category suggestions. */
  categories: string[];
  sellerSlug: string;
  sellerName: string;
  /** "slug|name": the seller facet, so counts come back with a label. */
  seller: string;
  sizes: string[];
  colors: string[];
  minPriceMinor: number;
  compareAtMinor: number | null;
  currency: string;
  ratingAverage: number;
  /** Whole stars (floor of the average), a facet: "at least 4" is the sum of 4 and 5. */
  ratingFloor: number;
  ratingCount: number;
  popularity: number;
  inStock: boolean;
  image: { storageKey: string; alt: string } | null;
  listedAt: string;
  /** Unix seconds of listedAt: Algolia sorts on numbers only. */
  listedAtTimestamp: number;
};

export function buildAlgoliaRecord(doc: SearchDocument): AlgoliaRecord {
  return {
    objectID: doc.id,
    slug: doc.slug,
    title: doc.title,
    // Descriptions are stored as sanitised HTML; the index wants the words only.
    description: descriptionText(doc.description).slice(0, DESCRIPTION_LIMIT),
    brand: doc.brand,
    categorySlugs: doc.categories.map((c) => c.slug),
    categoryNames: doc.categories.flatMap((c) => [c.name, c.nameRu]),
    categories: doc.categories.map((c) => [c.slug, c.name, c.nameRu].join(FACET_SEPARATOR)),
    sellerSlug: doc.sellerSlug,
    sellerName: doc.sellerName,
    seller: [doc.sellerSlug, doc.sellerName].join(FACET_SEPARATOR),
    sizes: doc.sizes,
    colors: doc.colors,
    minPriceMinor: doc.minPriceMinor,
    compareAtMinor: doc.compareAtMinor,
    currency: doc.currency,
    ratingAverage: doc.ratingAverage,
    ratingFloor: Math.floor(doc.ratingAverage),
    ratingCount: doc.ratingCount,
    popularity: doc.popularity,
    inStock: doc.inStock,
    image: doc.image,
    listedAt: doc.listedAt,
    listedAtTimestamp: Math.floor(Date.parse(doc.listedAt) / 1000),
  };
}

/** What search responses need to build a card: everything but the long texts. */
export const CARD_ATTRIBUTES = [
  "slug",
  "title",
  "brand",
  "sellerSlug",
  "sellerName",
  "minPriceMinor",
  "compareAtMinor",
  "currency",
  "ratingAverage",
  "ratingCount",
  "image",
] as const;
