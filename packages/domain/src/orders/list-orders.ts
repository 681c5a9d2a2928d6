import { getPrisma, type Currency } from "@market/db";
import { fileUrl } from "../files/index.ts";
import { shopperOrderStatus, type ShopperOrderStatus } from "./order-status.ts";
import { listOrdersInput, type ListOrdersInput } from "./schemas.ts";

export type OrderSummary = {
  id: string;
  number: string;
  status: ShopperOrderStatus;
  createdAt: Date;
  totalMinor: number;
  currency: Currency;
  itemCount: number;
  images: string[];
};

/** The shopper's orders, newest first, a page at a time (cursor = the last id of the page). */
export async function listOrders(userId: string, input: ListOrdersInput = {}): Promise<{ orders: OrderSummary[]; nextCursor: string | null }> {
  const { cursor, limit } = listOrdersInput.parse(input);
  const rows = await getPrisma().order.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: {
      id: true,
      number: true,
      status: true,
      deliveryMethod: true,
      createdAt: true,
      totalMinor: true,
      currency: true,
      parts: { select: { status: true } },
      lines: { select: { quantity: true, imageKey: true }, take: 20 },
    },
  });
  const page = rows.slice(0, limit);
  return {
    orders: page.map((order) => ({
      id: order.id,
      number: order.number,
      status: shopperOrderStatus(order, order.parts),
      createdAt: order.createdAt,
      totalMinor: order.totalMinor,
      currency: order.currency,
      itemCount: order.lines.reduce((sum, line) => sum + line.quantity, 0),
      images: order.lines.flatMap((line) => (line.imageKey ? [fileUrl(line.imageKey)] : [])).slice(0, 4),
    })),
    nextCursor: rows.length > limit ? page.at(-1)!.id : null,
  };
}
