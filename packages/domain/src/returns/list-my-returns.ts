// The shopper's returns: all of them, and per line of one order with what can still be returned.
import { FulfilmentStatus, getPrisma } from "@market/db";
import { AppError } from "../errors.ts";
import { shopperReturnSelect, type ShopperReturn } from "./request-return.ts";
import { deliveredAtOf, returnUntil, unitsAskedBack } from "./return-window.ts";
import { listMyReturnsInput, orderReturnsInput, type ListMyReturnsInput, type OrderReturnsInput } from "./schemas.ts";

export type MyReturn = ShopperReturn & { orderNumber: string; line: { title: string; size: string | null; color: string | null } };

/** Newest first, a page at a time (cursor = the last id of the page). */
export async function listMyReturns(userId: string, input: ListMyReturnsInput = {}): Promise<{ returns: MyReturn[]; nextCursor: string | null }> {
  const { cursor, limit } = listMyReturnsInput.parse(input);
  const rows = await getPrisma().returnRequest.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: { ...shopperReturnSelect, orderLine: { select: { title: true, size: true, color: true, order: { select: { number: true } } } } },
  });
  const page = rows.slice(0, limit);
  return {
    returns: page.map(({ orderLine, ...request }) => ({
      ...request,
      orderNumber: orderLine.order.number,
      line: { title: orderLine.title, size: orderLine.size, color: orderLine.color },
    })),
    nextCursor: rows.length > limit ? page.at(-1)!.id : null,
  };
}

export type LineReturns = {
  orderLineId: string;
  /** Units that may still be asked back now (0 outside the return period or when not delivered). */
  returnableQuantity: number;
  /** End of the return period, once the item is delivered. */
  returnUntil: Date | null;
  returns: ShopperReturn[];
};

/** For the order page: each line's returns and whether (and how much of) it can be returned. */
export async function getOrderReturns(userId: string, input: OrderReturnsInput, { now = new Date() }: { now?: Date } = {}): Promise<{ lines: LineReturns[] }> {
  const { number } = orderReturnsInput.parse(input);
  const prisma = getPrisma();
  const order = await prisma.order.findUnique({
    where: { number },
    select: {
      userId: true,
      parts: { select: { id: true, status: true, updatedAt: true, lines: { select: { id: true, quantity: true, returnRequests: { orderBy: { createdAt: "asc" }, select: shopperReturnSelect } } } } },
    },
  });
  if (!order || order.userId !== userId) throw new AppError("NOT_FOUND", "We could not find this order in your account.");
  const deliveredParts = order.parts.filter((part) => part.status === FulfilmentStatus.DELIVERED || part.status === FulfilmentStatus.RETURNED);
  const deliveredAt = await deliveredAtOf(prisma, deliveredParts);
  const asked = await unitsAskedBack(prisma, order.parts.flatMap((part) => part.lines.map((line) => line.id)));
  return {
    lines: order.parts.flatMap((part) =>
      part.lines.map((line) => {
        const delivered = deliveredAt.get(part.id);
        const until = delivered ? returnUntil(delivered) : null;
        const open = part.status === FulfilmentStatus.DELIVERED && until !== null && now <= until;
        return {
          orderLineId: line.id,
          returnableQuantity: open ? Math.max(0, line.quantity - (asked.get(line.id) ?? 0)) : 0,
          returnUntil: until,
          returns: line.returnRequests,
        };
      }),
    ),
  };
}
