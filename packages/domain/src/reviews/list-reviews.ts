import { getPrisma } from "@market/db";
import { listReviewsInput, type ListReviewsInput } from "./schemas.ts";

export type ReviewItem = {
  id: string;
  rating: number;
  text: string;
  /** First name and initial of the surname: enough to tell reviewers apart, no more. */
  author: string;
  createdAt: Date;
  /** What was bought, when the review came with a purchase. */
  variant: { size: string | null; color: string | null } | null;
};

export type ReviewPage = { items: ReviewItem[]; nextCursor: string | null };

export function shortName(name: string): string {
  const [first, ...rest] = name.trim().split(/\s+/);
  const last = rest.at(-1);
  return last ? `${first} ${last.charAt(0).toUpperCase()}.` : first || "—";
}

/** Reviews of a product, newest first, a page at a time (keyset pagination on createdAt, id). */
export async function listReviews(input: ListReviewsInput): Promise<ReviewPage> {
  const { productId, cursor, limit } = listReviewsInput.parse(input);
  const prisma = getPrisma();
  const after = cursor ? await prisma.review.findFirst({ where: { id: cursor, productId }, select: { id: true, createdAt: true } }) : null;
  const rows = await prisma.review.findMany({
    where: {
      productId,
      ...(after
        ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      rating: true,
      text: true,
      createdAt: true,
      user: { select: { name: true } },
      orderLine: { select: { size: true, color: true } },
    },
  });
  const items = rows.slice(0, limit).map((row) => ({
    id: row.id,
    rating: row.rating,
    text: row.text,
    author: shortName(row.user.name),
    createdAt: row.createdAt,
    variant: row.orderLine ? { size: row.orderLine.size, color: row.orderLine.color } : null,
  }));
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
