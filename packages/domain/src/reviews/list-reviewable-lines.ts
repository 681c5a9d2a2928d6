import { FulfilmentStatus, getPrisma } from "@market/db";
import { z } from "zod";

export type ReviewableLine = {
  orderLineId: string;
  orderNumber: string;
  title: string;
  size: string | null;
  color: string | null;
  orderedAt: Date;
};

const input = z.object({ userId: z.uuid(), productId: z.uuid("Unknown product") });

/** The shopper's delivered purchases of this product that have no review yet. */
export async function listReviewableLines(args: z.input<typeof input>): Promise<ReviewableLine[]> {
  const { userId, productId } = input.parse(args);
  const lines = await getPrisma().orderLine.findMany({
    where: { productId, order: { userId }, part: { status: FulfilmentStatus.DELIVERED }, review: { is: null } },
    select: { id: true, title: true, size: true, color: true, order: { select: { number: true, createdAt: true } } },
    orderBy: { order: { createdAt: "desc" } },
  });
  return lines.map((line) => ({
    orderLineId: line.id,
    orderNumber: line.order.number,
    title: line.title,
    size: line.size,
    color: line.color,
    orderedAt: line.order.createdAt,
  }));
}
