// Demo reviews, and one delivered order for the demo shopper so that the product page's
// "Write a review" form can be tried.
//
// Reviews are the ratings: each product gets about a twentieth of the rating count the catalogue
// generator drew (0-25 reviews, by demo reviewers who cannot sign in), with stars spread around
// the drawn average, and the products' and sellers' rating read models (ratingSum/ratingCount) are
// recomputed from them, so the average, the count and the distribution on a product page agree.
// Everything is built in memory from seeded random streams, like the rest of the catalogue.
import type { PrismaClient } from "@market/db";
import { IdMint, type DemoCatalogue } from "./catalogue.ts";
import { Rng } from "./random.ts";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const REVIEWERS = 80;

const FIRST_NAMES = ["Alexei", "Maria", "Dmitry", "Elena", "Ivan", "Olga", "Sergey", "Natalia", "Pavel", "Svetlana", "Nikolai", "Tatiana", "Andrei", "Yulia", "Mikhail", "Ekaterina", "Artem", "Daria", "Roman", "Ksenia"];
const SURNAMES = ["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasiliev", "Sokolov", "Mikhailov", "Novikov", "Fedorov", "Morozov", "Volkov", "Alekseev", "Lebedev", "Semenov", "Egorov", "Pavlov"];

const TEXTS: Record<number, readonly string[]> = {
  5: [
    "Exactly as described. Very happy with it.",
    "Great quality for the price.",
    "Arrived quickly and well packed. Recommend!",
    "Second time buying, still excellent.",
    "Looks even better than in the photos.",
    "Bought it as a gift, they loved it.",
  ],
  4: [
    "Good overall; delivery took a day longer than promised.",
    "Nice quality, the colour is slightly different from the photo.",
    "Does the job well. The packaging could be better.",
    "Happy with it, would buy again.",
  ],
  3: ["Okay for the price, nothing special.", "Average quality. Fine for everyday use.", "Took a while to arrive; the item itself is fine."],
  2: ["Not what I expected, it feels cheap.", "Had to return it, it did not suit me."],
  1: ["Arrived damaged. Disappointed.", "Stopped working properly after a week."],
};
const SIZE_TEXTS: Record<number, readonly string[]> = {
  5: ["Fits true to size, very comfortable.", "Perfect fit, I took my usual size."],
  4: ["Runs slightly large, otherwise great."],
  3: ["Runs small, take a size up."],
};

export interface DemoReviews {
  reviewers: { id: string; email: string; name: string; role: "CUSTOMER"; createdAt: Date; updatedAt: Date }[];
  reviews: { id: string; productId: string; userId: string; rating: number; text: string; createdAt: Date; updatedAt: Date }[];
  /** The demo shopper's delivered order (filled in by insertDemoReviews, which knows the shopper's id). */
  purchase: { productId: string; variantId: string } | null;
}

/** Stars around `average`: the nearer a value, the likelier. */
function stars(rng: Rng, average: number): number {
  return rng.weighted([1, 2, 3, 4, 5].map((value) => ({ value, weight: Math.exp(-1.7 * Math.abs(value - average)) })));
}

/**
 * Builds the reviews and rewrites the catalogue's product and seller ratings to match them.
 * Call before the catalogue is inserted.
 */
export function buildDemoReviews(catalogue: DemoCatalogue, now: Date): DemoReviews {
  const ids = { user: new IdMint("reviewer"), review: new IdMint("review") };
  const joined = new Date(now.getTime() - 140 * DAY);
  const names = Rng.for("reviewers");
  const reviewers = Array.from({ length: REVIEWERS }, (_, i) => ({
    id: ids.user.next(joined),
    email: `reviewer-${i + 1}@reviews.example.com`,
    name: `${names.pick(FIRST_NAMES)} ${names.pick(SURNAMES)}`,
    role: "CUSTOMER" as const,
    createdAt: joined,
    updatedAt: joined,
  }));
  const sized = new Set(catalogue.categories.filter((c) => c.hasSizes).map((c) => c.id));
  const reviews: DemoReviews["reviews"] = [];
  const sellerTotals = new Map<string, { sum: number; count: number }>();

  for (const product of catalogue.products) {
    const drawn = product.ratingCount;
    const average = drawn > 0 ? product.ratingSum / drawn : 0;
    product.ratingSum = 0;
    product.ratingCount = 0;
    // Nothing is reviewed within its first hour on sale.
    if (product.status !== "ACTIVE" || drawn === 0 || !product.publishedAt || now.getTime() - product.publishedAt.getTime() < HOUR) continue;
    const rng = Rng.for("reviews", product.id);
    const count = Math.min(REVIEWERS, Math.round(drawn / 20));
    const onSale = now.getTime() - product.publishedAt.getTime();
    const from = product.publishedAt.getTime() + Math.min(DAY, onSale / 2);
    const to = now.getTime() - Math.min(HOUR / 2, onSale / 4);
    for (const reviewer of rng.sample(reviewers, count)) {
      const rating = stars(rng, average);
      const pool = sized.has(product.categoryId) && SIZE_TEXTS[rating] && rng.chance(0.4) ? SIZE_TEXTS[rating]! : TEXTS[rating]!;
      const createdAt = new Date(Math.round(rng.between(from, to)));
      reviews.push({
        id: ids.review.next(createdAt),
        productId: product.id,
        userId: reviewer.id,
        rating,
        text: rng.chance(0.7) ? rng.pick(pool) : "",
        createdAt,
        updatedAt: createdAt,
      });
      product.ratingSum += rating;
      product.ratingCount += 1;
    }
    const seller = sellerTotals.get(product.sellerId) ?? { sum: 0, count: 0 };
    seller.sum += product.ratingSum;
    seller.count += product.ratingCount;
    sellerTotals.set(product.sellerId, seller);
  }
  for (const seller of catalogue.sellers) {
    const totals = sellerTotals.get(seller.id);
    seller.ratingSum = totals?.sum ?? 0;
    seller.ratingCount = totals?.count ?? 0;
  }

  // The demo shopper bought the most popular product that comes in sizes (the storefront's
  // "Popular now" order), and it has been delivered.
  const inStock = new Set(catalogue.stock.filter((s) => s.onHand - s.reserved > 0).map((s) => s.variantId));
  const candidates = catalogue.products
    .filter((p) => p.status === "ACTIVE" && sized.has(p.categoryId))
    .sort((a, b) => b.popularity - a.popularity || (a.id < b.id ? 1 : -1));
  let purchase: DemoReviews["purchase"] = null;
  for (const product of candidates) {
    const variant = catalogue.variants.find((v) => v.productId === product.id && v.isActive && inStock.has(v.id));
    if (variant) {
      purchase = { productId: product.id, variantId: variant.id };
      break;
    }
  }
  return { reviewers, reviews, purchase };
}

type Tx = Pick<PrismaClient, "user" | "review" | "order" | "orderPart" | "orderLine" | "productVariant" | "pickupPoint">;

/** Inserts the reviewers, the reviews and the demo shopper's delivered order. */
export async function insertDemoReviews(tx: Tx, demo: DemoReviews, { shopperId, now }: { shopperId: string; now: Date }): Promise<number> {
  await tx.user.createMany({ data: demo.reviewers });
  for (let i = 0; i < demo.reviews.length; i += 2_500) await tx.review.createMany({ data: demo.reviews.slice(i, i + 2_500) });
  if (!demo.purchase) return demo.reviews.length;

  const variant = await tx.productVariant.findUniqueOrThrow({
    where: { id: demo.purchase.variantId },
    select: { sku: true, size: true, color: true, priceMinor: true, compareAtMinor: true, currency: true, product: { select: { title: true, sellerId: true, images: { select: { storageKey: true }, take: 1, orderBy: { position: "asc" } } } } },
  });
  const pickupPoint = await tx.pickupPoint.findFirst({ where: { city: "Moscow" }, orderBy: { code: "asc" }, select: { id: true } });
  const ids = new IdMint("demo-order");
  const placedAt = new Date(now.getTime() - 12 * DAY);
  const order = await tx.order.create({
    data: {
      id: ids.next(placedAt),
      number: "M-DEMO-00001",
      userId: shopperId,
      status: "COMPLETED",
      currency: variant.currency,
      subtotalMinor: variant.priceMinor,
      totalMinor: variant.priceMinor,
      deliveryMethod: "PICKUP",
      pickupPointId: pickupPoint?.id ?? null,
      deliveryEstimate: new Date(placedAt.getTime() + 3 * DAY),
      contactName: "Anna Petrova",
      contactPhone: "+7 900 000-00-01",
      contactEmail: "shopper@example.com",
      idempotencyKey: "demo-order-1",
      paidAt: placedAt,
      createdAt: placedAt,
      updatedAt: new Date(placedAt.getTime() + 3 * DAY),
    },
    select: { id: true },
  });
  const part = await tx.orderPart.create({
    data: {
      id: ids.next(placedAt),
      orderId: order.id,
      sellerId: variant.product.sellerId,
      status: "DELIVERED",
      sellerStatus: "COMPLETE",
      subtotalMinor: variant.priceMinor,
      currency: variant.currency,
      createdAt: placedAt,
    },
    select: { id: true },
  });
  await tx.orderLine.create({
    data: {
      id: ids.next(placedAt),
      orderId: order.id,
      orderPartId: part.id,
      variantId: demo.purchase.variantId,
      productId: demo.purchase.productId,
      sku: variant.sku,
      title: variant.product.title,
      size: variant.size,
      color: variant.color,
      imageKey: variant.product.images[0]?.storageKey ?? null,
      unitPriceMinor: variant.priceMinor,
      compareAtMinor: variant.compareAtMinor,
      quantity: 1,
      lineTotalMinor: variant.priceMinor,
      currency: variant.currency,
    },
  });
  return demo.reviews.length;
}
