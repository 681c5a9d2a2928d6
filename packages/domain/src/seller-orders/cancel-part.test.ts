// A seller cancels their own parcel of a paid order before it ships: that parcel's units go back
// on sale, its price (only) is refunded through the provider, the warehouse is told to stop the
// pick, the shopper hears of it once, and the other sellers' parcels go on.
import { getPrisma, type FulfilmentStatus } from "@market/db";
import { describe, expect, it } from "vitest";
import { applyFulfilmentUpdate } from "../fulfilment/apply-fulfilment-update.ts";
import { cancelPartPickHandler } from "../fulfilment/pick-cancellations.ts";
import { createUnpaidOrder } from "../fulfilment/testing/index.ts";
import { pickJobKey } from "../fulfilment/warehouse-jobs.ts";
import type { OutboxEvent } from "../outbox/index.ts";
import { cancelOrder } from "../fulfilment/cancel-order.ts";
import { partRefundKey, refundOrderPartHandler, refundUnfulfillablePayment, startPayment } from "../payments/index.ts";
import { getStripe } from "../payments/stripe-client.ts";
import { deliverSandboxEvents, useSandboxServer } from "../payments/testing/index.ts";
import { cancelOrderPart } from "./cancel-part.ts";

useSandboxServer();

const prisma = () => getPrisma();
const stockOf = (variantId: string) => prisma().stock.findFirstOrThrow({ where: { variantId }, select: { onHand: true, reserved: true } });
const eventsOf = <T extends string>(type: T, where: object = {}) => prisma().outboxEvent.findMany({ where: { type, ...where }, orderBy: { createdAt: "asc" } });
const asEvent = (row: { id: string; type: string; aggregateType: string; aggregateId: string; payload: unknown; requestId: string | null; createdAt: Date }) => row as unknown as OutboxEvent<never>;

/** A two-seller order (marketplace warehouses) paid by card through the payment sandbox. */
async function paidTwoSellerOrder() {
  const order = await createUnpaidOrder({ parts: [{ lines: [{ quantity: 2, priceMinor: 150_000 }, { quantity: 1, priceMinor: 50_000 }] }, { lines: [{ quantity: 1, priceMinor: 80_000 }] }] });
  const session = await startPayment(order.orderId);
  await getStripe().paymentIntents.confirm(session.paymentIntentId, { payment_method: "pm_card_visa" });
  await deliverSandboxEvents();
  expect(await prisma().order.findUniqueOrThrow({ where: { id: order.orderId }, select: { status: true } })).toEqual({ status: "PAID" });
  const payment = await prisma().payment.findFirstOrThrow({ where: { orderId: order.orderId } });
  return { ...order, paymentId: payment.id, paymentIntentId: session.paymentIntentId };
}

const report = (orderPartId: string, status: FulfilmentStatus) =>
  prisma().$transaction((tx) => applyFulfilmentUpdate(tx, { orderPartId, status, occurredAt: new Date(), source: "WAREHOUSE" }));

describe("cancelOrderPart", () => {
  it("cancels one parcel: its stock back, exactly its price refunded once, pick cancelled, the rest untouched", async () => {
    const order = await paidTwoSellerOrder();
    const [a, b] = order.parts as [(typeof order.parts)[0], (typeof order.parts)[0]];
    // The warehouse accepted the pick request for a's parcel and started on it.
    await prisma().shipment.create({ data: { orderPartId: a.id, idempotencyKey: pickJobKey(a.id), requestedAt: new Date() } });
    await report(a.id, "PICKING");
    expect(await stockOf(a.lines[0]!.variantId)).toEqual({ onHand: 8, reserved: 0 });
    const before = await prisma().outboxEvent.count({ where: { aggregateId: order.orderId, type: "OrderPartStatusChanged" } });

    const result = await cancelOrderPart({ sellerId: a.sellerId }, { orderPartId: a.id, reason: "  Out of stock after a stocktake  " });
    expect(result).toMatchObject({ id: a.id, status: "CANCELLED", sellerStatus: "CANCELLED" });
    // Twice: nothing more happens.
    expect(await cancelOrderPart({ sellerId: a.sellerId }, { orderPartId: a.id, reason: "Again" })).toMatchObject({ status: "CANCELLED" });

    expect(await stockOf(a.lines[0]!.variantId)).toEqual({ onHand: 10, reserved: 0 });
    expect(await stockOf(a.lines[1]!.variantId)).toEqual({ onHand: 10, reserved: 0 });
    expect(await stockOf(b.lines[0]!.variantId)).toEqual({ onHand: 9, reserved: 0 });
    expect(await prisma().orderPart.findUniqueOrThrow({ where: { id: b.id }, select: { status: true, sellerStatus: true } })).toEqual({ status: "NEW", sellerStatus: "NEW" });
    expect(await prisma().order.findUniqueOrThrow({ where: { id: order.orderId }, select: { status: true } })).toEqual({ status: "PAID" });
    expect(await eventsOf("OrderCancelled", { aggregateId: order.orderId })).toHaveLength(0);

    // The shopper is told once (the same event the notifications and the pick cancellation consume).
    const changed = await eventsOf("OrderPartStatusChanged", { aggregateId: order.orderId });
    expect(changed).toHaveLength(before + 1);
    const cancelled = changed.at(-1)!;
    expect(cancelled.payload).toMatchObject({ orderPartId: a.id, status: "CANCELLED" });
    await cancelPartPickHandler.handle(asEvent(cancelled));
    const job = await prisma().$queryRaw<{ key: string }[]>`SELECT key FROM graphile_worker.jobs WHERE key = ${`pick-cancel:${a.id}`}`;
    expect(job).toHaveLength(1);

    // One refund of exactly a's price (2 × 1,500 + 500), through the provider, with the part's key.
    const refunds = await eventsOf("OrderPartRefundRequired", { aggregateId: order.paymentId });
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.payload).toMatchObject({ orderPartId: a.id, amountMinor: 350_000, reason: "Out of stock after a stocktake" });
    // Claimed in the cancellation's transaction, before the provider is asked.
    expect(await prisma().refund.findUniqueOrThrow({ where: { idempotencyKey: partRefundKey(a.id) } })).toMatchObject({ amountMinor: 350_000, status: "PENDING", providerRefundId: null });
    await refundOrderPartHandler.handle(asEvent(refunds[0]!));
    await refundOrderPartHandler.handle(asEvent(refunds[0]!)); // a retried delivery
    const rows = await prisma().refund.findMany({ where: { paymentId: order.paymentId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ idempotencyKey: partRefundKey(a.id), amountMinor: 350_000, status: "SUCCEEDED" });
    expect(await getStripe().refunds.retrieve(rows[0]!.providerRefundId!)).toMatchObject({ amount: 350_000, payment_intent: order.paymentIntentId, status: "succeeded" });
  });

  it("cancels the order when the last parcel goes, refunding the rest", async () => {
    const order = await paidTwoSellerOrder();
    const [a, b] = order.parts as [(typeof order.parts)[0], (typeof order.parts)[0]];
    await cancelOrderPart({ sellerId: a.sellerId }, { orderPartId: a.id, reason: "Cannot supply" });
    await cancelOrderPart({ sellerId: b.sellerId }, { orderPartId: b.id, reason: "Damaged in storage" });
    expect(await prisma().order.findUniqueOrThrow({ where: { id: order.orderId }, select: { status: true, cancelReason: true } })).toEqual({ status: "CANCELLED", cancelReason: "The seller cancelled this order: Damaged in storage" });
    expect(await eventsOf("OrderCancelled", { aggregateId: order.orderId })).toHaveLength(1);
    const refunds = await eventsOf("OrderPartRefundRequired", { aggregateId: order.paymentId });
    expect(refunds.map((event) => (event.payload as { amountMinor: number }).amountMinor)).toEqual([350_000, 80_000]);
    expect(await stockOf(b.lines[0]!.variantId)).toEqual({ onHand: 10, reserved: 0 });
  });

  it("leaves only the rest to refund when the shopper then cancels the whole order", async () => {
    const order = await paidTwoSellerOrder();
    const [a] = order.parts as [(typeof order.parts)[0]];
    await cancelOrderPart({ sellerId: a.sellerId }, { orderPartId: a.id, reason: "Cannot supply" });
    // The part's refund is not paid out yet when the shopper cancels what is left.
    await cancelOrder(order.userId, { number: order.number });
    expect(await refundUnfulfillablePayment(order.paymentId, "The shopper cancelled the order.")).toBe("refunded");
    const rows = await prisma().refund.findMany({ where: { paymentId: order.paymentId }, orderBy: { createdAt: "asc" }, select: { idempotencyKey: true, amountMinor: true } });
    expect(rows).toEqual([
      { idempotencyKey: partRefundKey(a.id), amountMinor: 350_000 },
      { idempotencyKey: `refund:${order.paymentId}:order-not-payable`, amountMinor: 80_000 },
    ]);
  });

  it("refuses a shipped parcel, and another shop's parcel like a missing one", async () => {
    const order = await paidTwoSellerOrder();
    const [a, b] = order.parts as [(typeof order.parts)[0], (typeof order.parts)[0]];
    await report(a.id, "SHIPPED");
    await expect(cancelOrderPart({ sellerId: a.sellerId }, { orderPartId: a.id, reason: "Too late" })).rejects.toMatchObject({ code: "CONFLICT", message: "This parcel has already been shipped, so it can no longer be cancelled." });
    await expect(cancelOrderPart({ sellerId: a.sellerId }, { orderPartId: b.id, reason: "Not mine" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "We could not find this order in your shops." });
    await expect(cancelOrderPart({ sellerId: a.sellerId }, { orderPartId: a.id, reason: "   " })).rejects.toThrow("Tell the shopper why you are cancelling");
    expect(await prisma().orderPart.findUniqueOrThrow({ where: { id: b.id }, select: { status: true } })).toEqual({ status: "NEW" });
    expect(await eventsOf("OrderPartRefundRequired", { aggregateId: order.paymentId })).toHaveLength(0);
  });
});
