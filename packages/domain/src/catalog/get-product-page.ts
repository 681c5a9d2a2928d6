// Everything the product page shows about one published product: pictures, variants with
// their own price and availability, characteristics, size table, seller card and rating.
import { getPrisma, ProductStatus, SellerStatus, type Currency } from "@market/db";
import { AppError } from "../errors.ts";
import { descriptionText, descriptionToHtml } from "./product-description.ts";
import { fileUrl } from "../files/index.ts";
import { availableUnits } from "./stock.ts";
import { productSlugInput, type ProductSlugInput } from "./schemas.ts";

export type SizeChart = {
  unit: string;
  columns: { key: string; label: string; labelRu: string }[];
  rows: Record<string, string>[];
};

export type ProductPageVariant = {
  id: string;
  sku: string;
  size: string | null;
  color: string | null;
  colorHex: string | null;
  priceMinor: number;
  compareAtMinor: number | null;
  currency: Currency;
  /** Units that can be bought now: Σ(onHand − reserved) over every warehouse. */
  available: number;
};

export type ProductPage = {
  id: string;
  slug: string;
  title: string;
  /** Sanitised HTML, safe to render as is (re-cleaned on the way out in case the allow-list changed). */
  descriptionHtml: string;
  /** Plain text, for meta descriptions. */
  descriptionText: string;
  brand: string | null;
  currency: Currency;
  category: { slug: string; name: string; nameRu: string; hasSizes: boolean; sizeChart: SizeChart | null };
  seller: { slug: string; name: string; rating: { average: number; count: number }; productCount: number };
  images: { url: string; alt: string; width: number | null; height: number | null }[];
  characteristics: { name: string; nameRu: string | null; value: string; unit: string | null }[];
  variants: ProductPageVariant[];
  rating: { average: number; count: number };
};

export const averageRating = (sum: number, count: number) => (count > 0 ? Math.round((sum / count) * 10) / 10 : 0);

function parseSizeChart(value: unknown): SizeChart | null {
  if (!value || typeof value !== "object") return null;
  const chart = value as Partial<SizeChart>;
  if (!Array.isArray(chart.columns) || !Array.isArray(chart.rows) || chart.columns.length === 0) return null;
  return { unit: typeof chart.unit === "string" ? chart.unit : "cm", columns: chart.columns, rows: chart.rows };
}

/** The product page of a published product; NOT_FOUND for unknown, unpublished or suspended ones. */
export async function getProductPage(input: ProductSlugInput): Promise<ProductPage> {
  const { slug } = productSlugInput.parse(input);
  const prisma = getPrisma();
  const product = await prisma.product.findFirst({
    where: { slug, status: ProductStatus.ACTIVE, seller: { status: { not: SellerStatus.SUSPENDED } } },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      brand: true,
      currency: true,
      ratingSum: true,
      ratingCount: true,
      sellerId: true,
      category: { select: { slug: true, name: true, nameRu: true, hasSizes: true, sizeChart: true } },
      seller: { select: { slug: true, name: true, ratingSum: true, ratingCount: true } },
      images: { select: { storageKey: true, alt: true, width: true, height: true }, orderBy: { position: "asc" } },
      characteristics: {
        select: { name: true, value: true, characteristic: { select: { nameRu: true, unit: true } } },
        orderBy: { position: "asc" },
      },
      variants: {
        where: { isActive: true },
        select: {
          id: true,
          sku: true,
          size: true,
          color: true,
          colorHex: true,
          priceMinor: true,
          compareAtMinor: true,
          currency: true,
          stock: { select: { onHand: true, reserved: true } },
        },
        orderBy: [{ position: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!product) throw new AppError("NOT_FOUND", "This product does not exist or is no longer sold.");
  const productCount = await prisma.product.count({ where: { sellerId: product.sellerId, status: ProductStatus.ACTIVE } });
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    descriptionHtml: descriptionToHtml(product.description),
    descriptionText: descriptionText(product.description),
    brand: product.brand,
    currency: product.currency,
    category: { ...product.category, sizeChart: product.category.hasSizes ? parseSizeChart(product.category.sizeChart) : null },
    seller: {
      slug: product.seller.slug,
      name: product.seller.name,
      rating: { average: averageRating(product.seller.ratingSum, product.seller.ratingCount), count: product.seller.ratingCount },
      productCount,
    },
    images: product.images.map((image) => ({
      url: fileUrl(image.storageKey),
      alt: image.alt || product.title,
      width: image.width,
      height: image.height,
    })),
    characteristics: product.characteristics.map((c) => ({
      name: c.name,
      nameRu: c.characteristic?.nameRu ?? null,
      value: c.value,
      unit: c.characteristic?.unit ?? null,
    })),
    variants: product.variants.map(({ stock, ...variant }) => ({ ...variant, available: availableUnits(stock) })),
    rating: { average: averageRating(product.ratingSum, product.ratingCount), count: product.ratingCount },
  };
}
