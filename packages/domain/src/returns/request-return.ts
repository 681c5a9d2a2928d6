// The shopper asks to return delivered items. Checked under a lock on the order line, so two
// requests sent at once cannot together ask back more than was bought.
import { FulfilmentStatus, getPrisma, type Currency, type ReturnStatus } from "@market/db";
import { AppError } from "../errors.ts";
import { deliveredAtOf, returnUntil, unitsAskedBack } from "./return-window.ts";
import { requestReturnInput, type RequestReturnInput } from "./schemas.ts";

export type ShopperReturn = {
  id: string;
  orderLineId: string;
  quantity: number;
  reason: string;
  status: ReturnStatus;
  amountMinor: number;
  currency: Currency;
  rejectReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
};

export const shopperReturnSelect = {
  id: true,
  orderLineId: true,
  quantity: true,
  reason: true,
  status: true,
  amountMinor: true,
  currency: true,
  rejectReason: true,
  createdAt: true,
  decidedAt: true,
} as const;

const NOT_FOUND = "We could not find this item in your orders.";

export async function requestReturn(userId: string, input: RequestReturnInput, { now = new Date() }: { now?: Date } = {}): Promise<ShopperReturn> {
  const { orderLineId, quantity, reason } = requestReturnInput.parse(input);
  return getPrisma().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "OrderLine" WHERE id = ${orderLineId}::uuid FOR UPDATE`;
    if (!locked) throw new AppError("NOT_FOUND", NOT_FOUND);
    const line = await tx.orderLine.findUniqueOrThrow({
      where: { id: orderLineId },
      select: { quantity: true, unitPriceMinor: true, currency: true, order: { select: { userId: true } }, part: { select: { id: true, status: true, updatedAt: true } } },
    });
    if (line.order.userId !== userId) throw new AppError("NOT_FOUND", NOT_FOUND);
    if (line.part.status !== FulfilmentStatus.DELIVERED) throw new AppError("CONFLICT", "You can return an item once it has been delivered.");

    const deliveredAt = (await deliveredAtOf(tx, [line.part])).get(line.part.id)!;
    const until = returnUntil(deliveredAt);
    if (now > until) {
      throw new AppError("CONFLICT", `The 14-day return period for this item ended on ${until.toISOString().slice(0, 10)}.`);
    }
    const left = line.quantity - ((await unitsAskedBack(tx, [orderLineId])).get(orderLineId) ?? 0);
    if (left <= 0) throw new AppError("CONFLICT", "You have already asked to return all of this item.");
    if (quantity > left) {
      const message = `You can return at most ${left} of this item.`;
      throw new AppError("BAD_REQUEST", message, { fields: { quantity: message } });
    }
    return tx.returnRequest.create({
      data: { orderLineId, userId, quantity, reason, amountMinor: line.unitPriceMinor * quantity, currency: line.currency },
      select: shopperReturnSelect,
    });
  });
}
