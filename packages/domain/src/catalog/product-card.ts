// The product card: what a grid shows of a product. Prices come from the catalogue on the server.
import { Prisma, type Currency } from "@market/db";
import { fileUrl } from "../files/index.ts";

export const productCardSelect = {
  id: true,
  slug: true,
  title: true,
  brand: true,
  currency: true,
  ratingSum: true,
  ratingCount: true,
  seller: { select: { name: true, slug: true } },
  images: { select: { storageKey: true, alt: true }, orderBy: { position: "asc" }, take: 1 },
  variants: {
    where: { isActive: true },
    select: { priceMinor: true, compareAtMinor: true },
    orderBy: { priceMinor: "asc" },
    take: 1,
  },
} satisfies Prisma.ProductSelect;

type CardRow = Prisma.ProductGetPayload<{ select: typeof productCardSelect }>;

export type ProductCard = {
  id: string;
  slug: string;
  title: string;
  brand: string | null;
  seller: { name: string; slug: string };
  price: { amountMinor: number; compareAtMinor: number | null; currency: Currency } | null;
  rating: { average: number; count: number };
  image: { url: string; alt: string } | null;
};

export function toProductCard(row: CardRow): ProductCard {
  const cheapest = row.variants[0];
  const image = row.images[0];
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    brand: row.brand,
    seller: row.seller,
    price: cheapest
      ? { amountMinor: cheapest.priceMinor, compareAtMinor: cheapest.compareAtMinor, currency: row.currency }
      : null,
    rating: {
      average: row.ratingCount > 0 ? Math.round((row.ratingSum / row.ratingCount) * 10) / 10 : 0,
      count: row.ratingCount,
    },
    image: image ? { url: fileUrl(image.storageKey), alt: image.alt || row.title } : null,
  };
}
