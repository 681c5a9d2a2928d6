// The seller decides on returns of their own parcels. Accepting one announces the refund
// (ReturnRefundRequired) in the same transaction; the payments side pays it out. A seller who is
// not a member of the parcel's shop gets NOT_FOUND, as for a return that does not exist.
import { FulfilmentEventSource, FulfilmentStatus, getPrisma, PaymentStatus, ReturnStatus, type Currency, type Prisma } from "@market/db";
import type { Db } from "../db.ts";
import { AppError } from "../errors.ts";
import { applyFulfilmentUpdate } from "../fulfilment/apply-fulfilment-update.ts";
import { writeOutboxEvent } from "../outbox/index.ts";
import {
  listSellerReturnsInput,
  rejectReturnInput,
  returnIdInput,
  type ListSellerReturnsInput,
  type RejectReturnInput,
  type ReturnIdInput,
} from "./schemas.ts";

export type SellerReturn = {
  id: string;
  status: ReturnStatus;
  quantity: number;
  reason: string;
  rejectReason: string | null;
  amountMinor: number;
  currency: Currency;
  createdAt: Date;
  decidedAt: Date | null;
  orderNumber: string;
  seller: { id: string; name: string };
  shopperName: string;
  line: { sku: string; title: string; size: string | null; color: string | null; quantity: number; unitPriceMinor: number };
};

const ownReturnWhere = (sellerUserId: string): Prisma.ReturnRequestWhereInput => ({
  orderLine: { part: { seller: { members: { some: { userId: sellerUserId } } } } },
});

const sellerReturnSelect = {
  id: true,
  status: true,
  quantity: true,
  reason: true,
  rejectReason: true,
  amountMinor: true,
  currency: true,
  createdAt: true,
  decidedAt: true,
  user: { select: { name: true } },
  orderLine: {
    select: {
      sku: true,
      title: true,
      size: true,
      color: true,
      quantity: true,
      unitPriceMinor: true,
      order: { select: { number: true } },
      part: { select: { seller: { select: { id: true, name: true } } } },
    },
  },
} as const satisfies Prisma.ReturnRequestSelect;

type Row = Prisma.ReturnRequestGetPayload<{ select: typeof sellerReturnSelect }>;

const toView = ({ user, orderLine, ...request }: Row): SellerReturn => ({
  ...request,
  orderNumber: orderLine.order.number,
  seller: orderLine.part.seller,
  shopperName: user.name,
  line: { sku: orderLine.sku, title: orderLine.title, size: orderLine.size, color: orderLine.color, quantity: orderLine.quantity, unitPriceMinor: orderLine.unitPriceMinor },
});

/** Returns of the seller's shops, newest first, optionally of one status. */
export async function listSellerReturns(sellerUserId: string, input: ListSellerReturnsInput = {}): Promise<{ returns: SellerReturn[]; nextCursor: string | null }> {
  const { status, cursor, limit } = listSellerReturnsInput.parse(input);
  const rows = await getPrisma().returnRequest.findMany({
    where: { ...ownReturnWhere(sellerUserId), ...(status ? { status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: sellerReturnSelect,
  });
  const page = rows.slice(0, limit);
  return { returns: page.map(toView), nextCursor: rows.length > limit ? page.at(-1)!.id : null };
}

const NOT_FOUND = "We could not find this return in your shops.";

/** The seller's return, locked until the transaction ends. */
async function lockOwnReturn(tx: Db, sellerUserId: string, id: string) {
  const own = await tx.returnRequest.findFirst({ where: { id, ...ownReturnWhere(sellerUserId) }, select: { id: true } });
  if (!own) throw new AppError("NOT_FOUND", NOT_FOUND);
  await tx.$queryRaw`SELECT id FROM "ReturnRequest" WHERE id = ${id}::uuid FOR UPDATE`;
  return tx.returnRequest.findUniqueOrThrow({
    where: { id },
    select: { id: true, status: true, amountMinor: true, orderLineId: true, orderLine: { select: { orderId: true, orderPartId: true } } },
  });
}

type Options = { requestId?: string | null; now?: Date };

/** REQUESTED → ACCEPTED, and the refund is announced. Accepting an accepted return changes nothing. */
export async function acceptReturn(sellerUserId: string, input: ReturnIdInput, { requestId = null, now = new Date() }: Options = {}): Promise<SellerReturn> {
  const { id } = returnIdInput.parse(input);
  const prisma = getPrisma();
  await prisma.$transaction(async (tx) => {
    const request = await lockOwnReturn(tx, sellerUserId, id);
    if (request.status === ReturnStatus.ACCEPTED || request.status === ReturnStatus.REFUNDED) return;
    if (request.status === ReturnStatus.REJECTED) throw new AppError("CONFLICT", "This return was already rejected.");

    const { orderId, orderPartId } = request.orderLine;
    const payment = await tx.payment.findFirst({
      where: { orderId, status: { in: [PaymentStatus.SUCCEEDED, PaymentStatus.PARTIALLY_REFUNDED] } },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (!payment) throw new AppError("CONFLICT", "This order has no payment left to refund. Please contact marketplace support.");

    await tx.returnRequest.update({ where: { id }, data: { status: ReturnStatus.ACCEPTED, decidedAt: now } });
    await writeOutboxEvent(tx, {
      type: "ReturnRefundRequired",
      aggregateType: "ReturnRequest",
      aggregateId: id,
      payload: { returnRequestId: id, paymentId: payment.id, orderId, amountMinor: request.amountMinor },
      requestId,
    });
    await markPartReturnedWhenAllBack(tx, orderPartId, { requestId, now });
  });
  return toView(await prisma.returnRequest.findUniqueOrThrow({ where: { id }, select: sellerReturnSelect }));
}

/** Once every unit of the parcel has been taken back, the parcel itself is RETURNED. */
async function markPartReturnedWhenAllBack(tx: Db, orderPartId: string, { requestId, now }: { requestId: string | null; now: Date }) {
  const lines = await tx.orderLine.findMany({
    where: { orderPartId },
    select: { quantity: true, returnRequests: { where: { status: { in: [ReturnStatus.ACCEPTED, ReturnStatus.REFUNDED] } }, select: { quantity: true } } },
  });
  const allBack = lines.every((line) => line.returnRequests.reduce((sum, r) => sum + r.quantity, 0) >= line.quantity);
  if (allBack) await applyFulfilmentUpdate(tx, { orderPartId, status: FulfilmentStatus.RETURNED, occurredAt: now, source: FulfilmentEventSource.SELLER, requestId });
}

/** REQUESTED → REJECTED with the seller's reason. Rejecting a rejected return changes nothing. */
export async function rejectReturn(sellerUserId: string, input: RejectReturnInput, { now = new Date() }: Options = {}): Promise<SellerReturn> {
  const { id, reason } = rejectReturnInput.parse(input);
  const prisma = getPrisma();
  await prisma.$transaction(async (tx) => {
    const request = await lockOwnReturn(tx, sellerUserId, id);
    if (request.status === ReturnStatus.REJECTED) return;
    if (request.status !== ReturnStatus.REQUESTED) throw new AppError("CONFLICT", "This return was already accepted.");
    await tx.returnRequest.update({ where: { id }, data: { status: ReturnStatus.REJECTED, rejectReason: reason, decidedAt: now } });
  });
  return toView(await prisma.returnRequest.findUniqueOrThrow({ where: { id }, select: sellerReturnSelect }));
}
