// The shop's products as the portal shows them: a paged list with status filter and search, and
// one product with everything its edit form needs.
import { getPrisma, type Currency, type Prisma } from "@market/db";
import { AppError } from "../errors.ts";
import { fileUrl } from "../files/index.ts";
import { assertProductId, PRODUCT_NOT_FOUND, resolveSellerId, type ListingAccess } from "./access.ts";
import { storedPublishProblems, type PublishProblem } from "./publish-rules.ts";
import { listListingsInputSchema, type ListListingsInput, type ListingStatus } from "./schemas.ts";

export type ListingSummary = {
  id: string;
  slug: string;
  title: string;
  brand: string | null;
  status: ListingStatus;
  categoryName: string;
  currency: Currency;
  minPriceMinor: number | null;
  variantCount: number;
  /** Units on hand minus reserved, over active SKUs and all warehouses. */
  available: number;
  image: { storageKey: string; url: string; alt: string } | null;
  updatedAt: Date;
};

export type ListingPage = { items: ListingSummary[]; total: number; page: number; pageSize: number; pageCount: number };

export type ListingDetail = {
  id: string;
  slug: string;
  status: ListingStatus;
  categoryId: string;
  title: string;
  brand: string | null;
  description: string;
  currency: Currency;
  minPriceMinor: number | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** By characteristic key (values as stored: text, numbers as text, "Yes"/"No"). */
  characteristics: Record<string, string>;
  variants: {
    sku: string;
    barcode: string | null;
    size: string | null;
    color: string | null;
    colorHex: string | null;
    priceMinor: number;
    compareAtMinor: number | null;
    isActive: boolean;
    stocks: { warehouseCode: string; onHand: number; reserved: number }[];
  }[];
  images: { storageKey: string; url: string; alt: string; width: number; height: number }[];
  /** Why it cannot be published now (empty when it can). */
  publishProblems: PublishProblem[];
};

export async function listListings(access: ListingAccess, input: ListListingsInput = {}): Promise<ListingPage> {
  const sellerId = await resolveSellerId(access);
  const { status, query, page, pageSize } = listListingsInputSchema.parse(input);
  const where: Prisma.ProductWhereInput = {
    sellerId,
    // Archived products are kept for the order history; the list shows them only when asked.
    status: status ?? { not: "ARCHIVED" },
    ...(query
      ? {
          OR: [
            { title: { contains: query, mode: "insensitive" } },
            { brand: { contains: query, mode: "insensitive" } },
            { variants: { some: { OR: [{ sku: { contains: query, mode: "insensitive" } }, { barcode: query }] } } },
          ],
        }
      : {}),
  };
  const prisma = getPrisma();
  const [total, rows] = await Promise.all([
    prisma.product.count({ where }),
    prisma.product.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        slug: true,
        title: true,
        brand: true,
        status: true,
        currency: true,
        minPriceMinor: true,
        updatedAt: true,
        category: { select: { name: true } },
        images: { orderBy: { position: "asc" }, take: 1, select: { storageKey: true, alt: true } },
        variants: { where: { isActive: true }, select: { stock: { select: { onHand: true, reserved: true } } } },
      },
    }),
  ]);
  return {
    total,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    items: rows.map((row) => {
      const image = row.images[0];
      return {
        id: row.id,
        slug: row.slug,
        title: row.title,
        brand: row.brand,
        status: row.status,
        categoryName: row.category.name,
        currency: row.currency,
        minPriceMinor: row.minPriceMinor,
        variantCount: row.variants.length,
        available: row.variants.reduce((sum, variant) => sum + variant.stock.reduce((units, stock) => units + Math.max(0, stock.onHand - stock.reserved), 0), 0),
        image: image ? { storageKey: image.storageKey, url: fileUrl(image.storageKey), alt: image.alt } : null,
        updatedAt: row.updatedAt,
      };
    }),
  };
}

export async function getListing(access: ListingAccess, productId: string): Promise<ListingDetail> {
  const sellerId = await resolveSellerId(access);
  assertProductId(productId);
  const prisma = getPrisma();
  const row = await prisma.product.findFirst({
    where: { id: productId, sellerId },
    select: {
      id: true,
      slug: true,
      status: true,
      categoryId: true,
      title: true,
      brand: true,
      description: true,
      currency: true,
      minPriceMinor: true,
      publishedAt: true,
      createdAt: true,
      updatedAt: true,
      characteristics: { orderBy: { position: "asc" }, select: { value: true, characteristic: { select: { key: true } } } },
      images: { orderBy: { position: "asc" }, select: { storageKey: true, alt: true, width: true, height: true } },
      variants: {
        // Retired SKUs stay in the database for the order history; the form edits the live ones
        // and those the seller switched off on purpose.
        orderBy: [{ isActive: "desc" }, { position: "asc" }, { id: "asc" }],
        select: {
          sku: true,
          barcode: true,
          size: true,
          color: true,
          colorHex: true,
          priceMinor: true,
          compareAtMinor: true,
          isActive: true,
          stock: { orderBy: { warehouse: { code: "asc" } }, select: { onHand: true, reserved: true, warehouse: { select: { code: true } } } },
        },
      },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", PRODUCT_NOT_FOUND);
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    categoryId: row.categoryId,
    title: row.title,
    brand: row.brand,
    description: row.description,
    currency: row.currency,
    minPriceMinor: row.minPriceMinor,
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    characteristics: Object.fromEntries(row.characteristics.flatMap((entry) => (entry.characteristic ? [[entry.characteristic.key, entry.value]] : []))),
    variants: row.variants.map(({ stock, ...variant }) => ({
      ...variant,
      stocks: stock.map((entry) => ({ warehouseCode: entry.warehouse.code, onHand: entry.onHand, reserved: entry.reserved })),
    })),
    images: row.images.map((image) => ({ ...image, url: fileUrl(image.storageKey), width: image.width ?? 0, height: image.height ?? 0 })),
    publishProblems: await storedPublishProblems(prisma, row.id),
  };
}
