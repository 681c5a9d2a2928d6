// Test data for the search tests: a tiny catalogue whose right answers are known by heart.
// Used only by tests (each test file has its own fresh database).
import { getPrisma } from "@market/db";

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-06-01T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

type VariantSpec = { size?: string; color: string; priceRub: number; compareAtRub?: number; onHand: number };
type ProductSpec = {
  key: string;
  title: string;
  brand: string;
  category: string;
  seller: string;
  description?: string;
  status?: "ACTIVE" | "DRAFT";
  rating?: [sum: number, count: number];
  popularity: number;
  publishedDaysAgo: number;
  variants: VariantSpec[];
};

export const FIXTURE_PRODUCTS: ProductSpec[] = [
  {
    key: "linenDress",
    title: "Linen Dress",
    brand: "Aurora",
    category: "dresses",
    seller: "nordic-threads",
    description: "A light summer dress made of linen.",
    rating: [46, 10],
    popularity: 50,
    publishedDaysAgo: 10,
    variants: [
      { size: "S", color: "Red", priceRub: 3000, onHand: 5 },
      { size: "M", color: "Red", priceRub: 3000, onHand: 2 },
    ],
  },
  {
    key: "beltedDress",
    title: "Linen Dress with Belt",
    brand: "Aurora",
    category: "dresses",
    seller: "volga-home",
    description: "Linen, with a woven belt.",
    rating: [7, 2],
    popularity: 80,
    publishedDaysAgo: 5,
    variants: [{ size: "L", color: "Blue", priceRub: 4500, compareAtRub: 6000, onHand: 0 }],
  },
  {
    key: "gown",
    title: "Evening Gown",
    brand: "Selene",
    category: "dresses",
    seller: "nordic-threads",
    description: "A long evening dress in silk.",
    popularity: 10,
    publishedDaysAgo: 1,
    variants: [{ size: "M", color: "Black", priceRub: 12000, onHand: 1 }],
  },
  {
    key: "russianDress",
    title: "Платье из льна",
    brand: "Aurora",
    category: "dresses",
    seller: "nordic-threads",
    description: "Лёгкое летнее платье.",
    rating: [9, 2],
    popularity: 20,
    publishedDaysAgo: 3,
    variants: [{ size: "S", color: "Green", priceRub: 3500, onHand: 3 }],
  },
  {
    key: "cardigan",
    title: "Wool Cardigan",
    brand: "Nordic Knit",
    category: "knitwear",
    seller: "nordic-threads",
    description: "A warm cardigan of merino wool.",
    rating: [5, 1],
    popularity: 30,
    publishedDaysAgo: 20,
    variants: [
      { size: "XL", color: "Grey", priceRub: 5000, onHand: 4 },
      { size: "S", color: "Grey", priceRub: 5000, onHand: 4 },
    ],
  },
  {
    key: "lamp",
    title: "Café Table Lamp",
    brand: "Lumen",
    category: "lighting",
    seller: "volga-home",
    description: "Ceramic lamp with a linen shade.",
    rating: [8, 2],
    popularity: 100,
    publishedDaysAgo: 30,
    variants: [{ color: "White", priceRub: 2500, onHand: 7 }],
  },
  {
    key: "draftDress",
    title: "Secret Dress",
    brand: "Aurora",
    category: "dresses",
    seller: "nordic-threads",
    status: "DRAFT",
    popularity: 0,
    publishedDaysAgo: 0,
    variants: [{ size: "M", color: "Red", priceRub: 1000, onHand: 1 }],
  },
  {
    key: "suspendedDress",
    title: "Grey Market Dress",
    brand: "Nobody",
    category: "dresses",
    seller: "grey-market",
    popularity: 0,
    publishedDaysAgo: 2,
    variants: [{ size: "M", color: "Red", priceRub: 900, onHand: 1 }],
  },
  // Enough candles for a second page.
  ...Array.from({ length: 30 }, (_, i): ProductSpec => ({
    key: `candle${i + 1}`,
    title: `Scented Candle No ${i + 1}`,
    brand: "Wick & Co",
    category: "candles",
    seller: "volga-home",
    popularity: 1,
    publishedDaysAgo: 40 + i,
    variants: [{ color: "Ivory", priceRub: 500 + i * 10, onHand: 1 }],
  })),
];

export type SearchFixture = { productIds: Record<string, string>; warehouseId: string };

export async function insertSearchFixture(db = getPrisma()): Promise<SearchFixture> {
  const sellers = [
    { slug: "nordic-threads", name: "Nordic Threads", status: "ACTIVE" as const },
    { slug: "volga-home", name: "Volga Home", status: "ACTIVE" as const },
    { slug: "grey-market", name: "Grey Market", status: "SUSPENDED" as const },
  ];
  const sellerIds: Record<string, string> = {};
  for (const seller of sellers) sellerIds[seller.slug] = (await db.seller.create({ data: seller, select: { id: true } })).id;

  const categoryIds: Record<string, string> = {};
  const tree = [
    { slug: "women", name: "Women", nameRu: "Женщинам", parent: null },
    { slug: "dresses", name: "Dresses", nameRu: "Платья", parent: "women" },
    { slug: "knitwear", name: "Knitwear", nameRu: "Трикотаж", parent: "women" },
    { slug: "home", name: "Home", nameRu: "Дом", parent: null },
    { slug: "lighting", name: "Lighting", nameRu: "Освещение", parent: "home" },
    { slug: "candles", name: "Candles", nameRu: "Свечи", parent: "home" },
  ];
  for (const [position, c] of tree.entries()) {
    const parentPath = c.parent ? `/${c.parent}/` : "/";
    categoryIds[c.slug] = (
      await db.category.create({
        data: { slug: c.slug, name: c.name, nameRu: c.nameRu, parentId: c.parent ? categoryIds[c.parent]! : null, path: `${parentPath}${c.slug}/`, depth: c.parent ? 1 : 0, position },
        select: { id: true },
      })
    ).id;
  }
  const warehouse = await db.warehouse.create({ data: { code: "MSK-1", name: "Moscow", city: "Moscow", address: "1 Warehouse St" }, select: { id: true } });

  const productIds: Record<string, string> = {};
  let sku = 0;
  for (const spec of FIXTURE_PRODUCTS) {
    const [ratingSum, ratingCount] = spec.rating ?? [0, 0];
    const product = await db.product.create({
      data: {
        sellerId: sellerIds[spec.seller]!,
        categoryId: categoryIds[spec.category]!,
        slug: spec.key.toLowerCase(),
        title: spec.title,
        description: spec.description ?? "",
        brand: spec.brand,
        status: spec.status ?? "ACTIVE",
        ratingSum,
        ratingCount,
        popularity: spec.popularity,
        publishedAt: spec.status === "DRAFT" ? null : daysAgo(spec.publishedDaysAgo),
        createdAt: daysAgo(spec.publishedDaysAgo + 1),
        images: { create: [{ storageKey: `products/${spec.key}/1.svg`, alt: spec.title, position: 0 }] },
      },
      select: { id: true },
    });
    productIds[spec.key] = product.id;
    for (const [position, v] of spec.variants.entries()) {
      await db.productVariant.create({
        data: {
          productId: product.id,
          sku: `SKU-${++sku}`,
          size: v.size ?? null,
          color: v.color,
          priceMinor: v.priceRub * 100,
          compareAtMinor: v.compareAtRub ? v.compareAtRub * 100 : null,
          position,
          stock: { create: [{ warehouseId: warehouse.id, onHand: v.onHand }] },
        },
      });
    }
  }
  return { productIds, warehouseId: warehouse.id };
}
