import { getPrisma } from "@market/db";
import { beforeAll, describe, expect, it } from "vitest";
import { createOrderLine, createProduct, createUser } from "../testing/shop-fixtures.ts";
import { createReview, listReviewableLines, listReviews, ratingSummary } from "./index.ts";

beforeAll(async () => {
  // createReview queues a search sync (graphile-worker's schema, installed by `pnpm db:migrate`).
  const { migrateJobQueue } = await import("@market/db/job-queue");
  await migrateJobQueue(process.env.DATABASE_URL!);
});

/** Product ids in queued search syncs. */
async function queuedSyncs(): Promise<string[]> {
  const rows = await getPrisma().$queryRaw<{ payload: string[] }[]>`
    SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     WHERE t.identifier = 'search.sync-products'`;
  return rows.flatMap((row) => row.payload);
}

async function ratings(productId: string, sellerId: string) {
  const prisma = getPrisma();
  const product = await prisma.product.findUniqueOrThrow({ where: { id: productId }, select: { ratingSum: true, ratingCount: true } });
  const seller = await prisma.seller.findUniqueOrThrow({ where: { id: sellerId }, select: { ratingSum: true, ratingCount: true } });
  return { product, seller };
}

describe("writing a review", () => {
  it("lets a shopper review a delivered line once, updating the product's and the seller's ratings", async () => {
    const shopper = await createUser("Maria Ivanova");
    const product = await createProduct();
    const line = await createOrderLine({ userId: shopper.id, variantId: product.variants[0]!.id });

    expect(await listReviewableLines({ userId: shopper.id, productId: product.id })).toEqual([
      expect.objectContaining({ orderLineId: line.id, size: "S", color: "Black" }),
    ]);
    const review = await createReview({ userId: shopper.id, orderLineId: line.id, rating: 4, text: "  Fits well.  " });
    expect(review).toMatchObject({ productId: product.id, rating: 4 });
    expect(await ratings(product.id, product.sellerId)).toEqual({ product: { ratingSum: 4, ratingCount: 1 }, seller: { ratingSum: 4, ratingCount: 1 } });
    expect(await listReviewableLines({ userId: shopper.id, productId: product.id })).toEqual([]);
    // The product's rating in the search index follows.
    expect(await queuedSyncs()).toContain(product.id);

    const again = createReview({ userId: shopper.id, orderLineId: line.id, rating: 1, text: "" });
    await expect(again).rejects.toMatchObject({ code: "CONFLICT", message: "You have already reviewed this purchase." });
    expect((await ratings(product.id, product.sellerId)).product).toEqual({ ratingSum: 4, ratingCount: 1 });
  });

  it("lets only one of two simultaneous submissions through", async () => {
    const shopper = await createUser();
    const product = await createProduct();
    const line = await createOrderLine({ userId: shopper.id, variantId: product.variants[0]!.id });
    const results = await Promise.allSettled([5, 3].map((rating) => createReview({ userId: shopper.id, orderLineId: line.id, rating })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect((await ratings(product.id, product.sellerId)).product.ratingCount).toBe(1);
  });

  it("refuses lines not yet delivered, and other shoppers' lines", async () => {
    const shopper = await createUser();
    const stranger = await createUser();
    const product = await createProduct();
    const shipped = await createOrderLine({ userId: shopper.id, variantId: product.variants[0]!.id, status: "SHIPPED" });
    const delivered = await createOrderLine({ userId: shopper.id, variantId: product.variants[0]!.id });

    await expect(createReview({ userId: shopper.id, orderLineId: shipped.id, rating: 5 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createReview({ userId: stranger.id, orderLineId: delivered.id, rating: 5 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listReviewableLines({ userId: stranger.id, productId: product.id })).toEqual([]);
    expect((await listReviewableLines({ userId: shopper.id, productId: product.id })).map((l) => l.orderLineId)).toEqual([delivered.id]);
    expect((await ratings(product.id, product.sellerId)).product.ratingCount).toBe(0);
    // A refused review queues nothing.
    expect(await queuedSyncs()).not.toContain(product.id);
  });

  it("accepts only whole ratings from 1 to 5", async () => {
    const shopper = await createUser();
    const product = await createProduct();
    const line = await createOrderLine({ userId: shopper.id, variantId: product.variants[0]!.id });
    for (const rating of [0, 6, 4.5]) {
      await expect(createReview({ userId: shopper.id, orderLineId: line.id, rating })).rejects.toThrow("Choose a rating from 1 to 5 stars");
    }
    await expect(createReview({ userId: shopper.id, orderLineId: line.id, rating: 5, text: "x".repeat(2001) })).rejects.toThrow("2,000 characters");
  });
});

describe("reading reviews", () => {
  it("lists reviews newest first, a page at a time, and summarises the ratings", async () => {
    const product = await createProduct();
    const ratingsGiven = [5, 5, 4, 1, 5, 3, 4];
    for (const [i, rating] of ratingsGiven.entries()) {
      const shopper = await createUser(`Shopper Number${i}`);
      const line = await createOrderLine({ userId: shopper.id, variantId: product.variants[0]!.id });
      await createReview({ userId: shopper.id, orderLineId: line.id, rating, text: `Review ${i}` });
    }
    const first = await listReviews({ productId: product.id, limit: 3 });
    expect(first.items.map((r) => r.text)).toEqual(["Review 6", "Review 5", "Review 4"]);
    expect(first.items[0]).toMatchObject({ author: "Shopper N.", rating: 4, variant: { size: "S", color: "Black" } });
    const second = await listReviews({ productId: product.id, limit: 3, cursor: first.nextCursor });
    expect(second.items.map((r) => r.text)).toEqual(["Review 3", "Review 2", "Review 1"]);
    const third = await listReviews({ productId: product.id, limit: 3, cursor: second.nextCursor });
    expect(third).toEqual({ items: [expect.objectContaining({ text: "Review 0" })], nextCursor: null });

    expect(await ratingSummary({ productId: product.id })).toEqual({
      average: 3.9,
      count: 7,
      distribution: [
        { stars: 5, count: 3 },
        { stars: 4, count: 2 },
        { stars: 3, count: 1 },
        { stars: 2, count: 0 },
        { stars: 1, count: 1 },
      ],
    });
  });

  it("summarises a product without reviews", async () => {
    const product = await createProduct();
    expect(await listReviews({ productId: product.id })).toEqual({ items: [], nextCursor: null });
    expect((await ratingSummary({ productId: product.id })).average).toBe(0);
  });
});
