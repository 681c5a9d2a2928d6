// Returns: the shopper asks within 14 days of delivery, the seller decides, and an accepted
// return is refunded through the provider (the payment sandbox here) exactly once.
import { randomBytes } from "node:crypto";
import { getPrisma, type FulfilmentStatus } from "@market/db";
import { describe, expect, it } from "vitest";
import { placeOrder } from "../checkout/index.ts";
import { applyFulfilmentUpdate } from "../fulfilment/apply-fulfilment-update.ts";
import { refundReturn, returnRefundKey, startPayment } from "../payments/index.ts";
import { getStripe } from "../payments/stripe-client.ts";
import { deliverSandboxEvents, useSandboxServer } from "../payments/testing/index.ts";
import { createPickupPoint, createProduct, createSeller, createUser, createWarehouse } from "../testing/shop-fixtures.ts";
import { acceptReturn, getOrderReturns, listMyReturns, listSellerReturns, rejectReturn, requestReturn } from "./index.ts";

useSandboxServer();

const prisma = () => getPrisma();
const DAY = 24 * 60 * 60 * 1000;
const PRICE = 249_000;

async function sellerWithMember() {
  const seller = await createSeller();
  const member = await createUser("Shop Owner");
  await prisma().sellerMember.create({ data: { sellerId: seller.id, userId: member.id } });
  return { seller, member };
}

/** Three units bought and paid through the sandbox, the parcel delivered `deliveredDaysAgo` days ago. */
async function deliveredPurchase({ quantity = 3, deliveredDaysAgo = 2, finalStatus = "DELIVERED" as FulfilmentStatus } = {}) {
  const { seller, member } = await sellerWithMember();
  const warehouse = await createWarehouse("Moscow");
  const product = await createProduct({ sellerId: seller.id, warehouseId: warehouse.id });
  const shopper = await createUser("Olga Smirnova");
  await prisma().cart.create({ data: { userId: shopper.id, lines: { create: [{ variantId: product.variants[2]!.id, quantity }] } } });
  await createPickupPoint("Moscow", 2);
  const placed = await placeOrder(shopper.id, {
    idempotencyKey: randomBytes(16).toString("base64url"),
    delivery: { method: "COURIER", address: { city: "Moscow", street: "Tverskaya 1" } },
    contact: { name: "Olga Smirnova", phone: "+7 900 555-00-11", email: "olga@example.com" },
  });
  const session = await startPayment(placed.orderId);
  await getStripe().paymentIntents.confirm(session.paymentIntentId, { payment_method: "pm_card_visa" });
  await deliverSandboxEvents();
  const line = await prisma().orderLine.findFirstOrThrow({ where: { orderId: placed.orderId }, select: { id: true, orderPartId: true } });
  const deliveredAt = new Date(Date.now() - deliveredDaysAgo * DAY);
  for (const status of ["SHIPPED", finalStatus] as const) {
    await prisma().$transaction((tx) => applyFulfilmentUpdate(tx, { orderPartId: line.orderPartId, status, occurredAt: deliveredAt, source: "WAREHOUSE" }));
  }
  return { shopper, member, seller, lineId: line.id, partId: line.orderPartId, orderId: placed.orderId, number: placed.number, paymentIntentId: session.paymentIntentId, deliveredAt };
}

describe("asking for a return", () => {
  it("records the request with the line's price, and shows what can still be returned", async () => {
    const buy = await deliveredPurchase();
    const request = await requestReturn(buy.shopper.id, { orderLineId: buy.lineId, quantity: 2, reason: "  Too small  " });
    expect(request).toMatchObject({ status: "REQUESTED", quantity: 2, reason: "Too small", amountMinor: 2 * PRICE, currency: "RUB" });

    expect(await listMyReturns(buy.shopper.id)).toMatchObject({ returns: [{ id: request.id, orderNumber: buy.number, line: { size: "L" } }], nextCursor: null });
    const { lines } = await getOrderReturns(buy.shopper.id, { number: buy.number });
    expect(lines).toEqual([{ orderLineId: buy.lineId, returnableQuantity: 1, returnUntil: new Date(buy.deliveredAt.getTime() + 14 * DAY), returns: [expect.objectContaining({ id: request.id })] }]);
    await expect(getOrderReturns((await createUser()).id, { number: buy.number })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it.each([
    { name: "another shopper's item", quantity: 1, stranger: true, code: "NOT_FOUND" },
    { name: "more than bought", quantity: 4, code: "BAD_REQUEST", message: "You can return at most 3 of this item." },
    { name: "a reason too short", quantity: 1, reason: "no", message: "Tell us why you are returning it (at least 3 characters)" },
    { name: "a parcel not yet delivered", quantity: 1, finalStatus: "READY_FOR_PICKUP" as const, code: "CONFLICT", message: "You can return an item once it has been delivered." },
    { name: "after the 14 days", quantity: 1, deliveredDaysAgo: 15, code: "CONFLICT", message: /^The 14-day return period for this item ended on \d{4}-\d{2}-\d{2}\.$/ },
  ])("refuses $name", async ({ quantity, stranger, reason = "Does not fit", code, message, deliveredDaysAgo, finalStatus }) => {
    const buy = await deliveredPurchase({ deliveredDaysAgo, finalStatus });
    const userId = stranger ? (await createUser()).id : buy.shopper.id;
    const attempt = requestReturn(userId, { orderLineId: buy.lineId, quantity, reason });
    if (code) await expect(attempt).rejects.toMatchObject({ code });
    if (message) await expect(attempt).rejects.toThrow(message);
    expect(await prisma().returnRequest.count({ where: { orderLineId: buy.lineId } })).toBe(0);
  });

  it("counts earlier requests that were not rejected, even sent at once", async () => {
    const buy = await deliveredPurchase({ deliveredDaysAgo: 14 });
    const now = new Date(buy.deliveredAt.getTime() + 14 * DAY); // the last moment of the period
    const results = await Promise.allSettled([
      requestReturn(buy.shopper.id, { orderLineId: buy.lineId, quantity: 2, reason: "Wrong colour" }, { now }),
      requestReturn(buy.shopper.id, { orderLineId: buy.lineId, quantity: 2, reason: "Wrong colour" }, { now }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    await expect(requestReturn(buy.shopper.id, { orderLineId: buy.lineId, quantity: 2, reason: "Again" }, { now })).rejects.toMatchObject({ code: "BAD_REQUEST", details: { fields: { quantity: "You can return at most 1 of this item." } } });
    const first = await prisma().returnRequest.findFirstOrThrow({ where: { orderLineId: buy.lineId } });
    await rejectReturn(buy.member.id, { id: first.id, reason: "Worn, tags removed" });
    // A rejected return gives its units back to ask for.
    expect(await requestReturn(buy.shopper.id, { orderLineId: buy.lineId, quantity: 3, reason: "All of them" }, { now })).toMatchObject({ quantity: 3 });
    await expect(requestReturn(buy.shopper.id, { orderLineId: buy.lineId, quantity: 1, reason: "One more" }, { now })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("the seller's decision", () => {
  it("only members of the parcel's shop see and decide its returns", async () => {
    const buy = await deliveredPurchase();
    const request = await requestReturn(buy.shopper.id, { orderLineId: buy.lineId, quantity: 1, reason: "Too small" });
    const other = await sellerWithMember();
    expect(await listSellerReturns(other.member.id)).toEqual({ returns: [], nextCursor: null });
    await expect(acceptReturn(other.member.id, { id: request.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(rejectReturn(other.member.id, { id: request.id, reason: "Not ours" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await prisma().returnRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "REQUESTED", decidedAt: null });

    expect(await listSellerReturns(buy.member.id, { status: "REQUESTED" })).toMatchObject({
      returns: [{ id: request.id, orderNumber: buy.number, shopperName: "Olga Smirnova", seller: { id: buy.seller.id }, line: { size: "L", quantity: 3 }, amountMinor: PRICE }],
    });
    expect((await listSellerReturns(buy.member.id, { status: "ACCEPTED" })).returns).toEqual([]);
  });

  it("accepting announces the refund once; a decided return cannot be decided the other way", async () => {
    const buy = await deliveredPurchase();
    const request = await requestReturn(buy.shopper.id, { orderLineId: buy.lineId, quantity: 2, reason: "Too small" });
    const payment = await prisma().payment.findFirstOrThrow({ where: { orderId: buy.orderId } });
    expect(await acceptReturn(buy.member.id, { id: request.id }, { requestId: "req-7" })).toMatchObject({ status: "ACCEPTED", decidedAt: expect.any(Date) });
    expect(await acceptReturn(buy.member.id, { id: request.id })).toMatchObject({ status: "ACCEPTED" });
    const events = await prisma().outboxEvent.findMany({ where: { type: "ReturnRefundRequired" , aggregateId: request.id } });
    expect(events).toMatchObject([{ requestId: "req-7", payload: { returnRequestId: request.id, paymentId: payment.id, orderId: buy.orderId, amountMinor: 2 * PRICE } }]);
    await expect(rejectReturn(buy.member.id, { id: request.id, reason: "Changed my mind" })).rejects.toMatchObject({ code: "CONFLICT" });
    // One unit is still with the shopper: the parcel is not returned.
    expect((await prisma().orderPart.findUniqueOrThrow({ where: { id: buy.partId } })).status).toBe("DELIVERED");

    const rejected = await requestReturn(buy.shopper.id, { orderLineId: buy.lineId, quantity: 1, reason: "Also this one" });
    expect(await rejectReturn(buy.member.id, { id: rejected.id, reason: "Worn" })).toMatchObject({ status: "REJECTED", rejectReason: "Worn" });
    await expect(acceptReturn(buy.member.id, { id: rejected.id })).rejects.toMatchObject({ code: "CONFLICT", message: "This return was already rejected." });
  });

  it("the parcel becomes RETURNED when every unit is taken back", async () => {
    const buy = await deliveredPurchase({ quantity: 2 });
    const first = await requestReturn(buy.shopper.id, { orderLineId: buy.lineId, quantity: 1, reason: "Too small" });
    const second = await requestReturn(buy.shopper.id, { orderLineId: buy.lineId, quantity: 1, reason: "Too big" });
    await acceptReturn(buy.member.id, { id: first.id });
    expect((await prisma().orderPart.findUniqueOrThrow({ where: { id: buy.partId } })).status).toBe("DELIVERED");
    await acceptReturn(buy.member.id, { id: second.id });
    expect((await prisma().orderPart.findUniqueOrThrow({ where: { id: buy.partId } })).status).toBe("RETURNED");
    expect(await prisma().outboxEvent.count({ where: { type: "OrderPartStatusChanged", aggregateId: buy.orderId, payload: { path: ["status"], equals: "RETURNED" } } })).toBe(1);
  });
});

describe("refunding an accepted return", () => {
  it("refunds through the provider once, even when run twice or at once", async () => {
    const buy = await deliveredPurchase();
    const request = await requestReturn(buy.shopper.id, { orderLineId: buy.lineId, quantity: 2, reason: "Too small" });
    await acceptReturn(buy.member.id, { id: request.id });
    const event = await prisma().outboxEvent.findFirstOrThrow({ where: { type: "ReturnRefundRequired", aggregateId: request.id } });
    const payload = event.payload as { returnRequestId: string; paymentId: string; orderId: string; amountMinor: number };

    const outcomes = await Promise.all([refundReturn(payload), refundReturn(payload)]);
    expect(outcomes).toContain("refunded");
    expect(await refundReturn(payload)).toBe("already-refunded");

    const atProvider = await prisma().sandboxRefund.findMany({ where: { paymentIntentId: buy.paymentIntentId } });
    expect(atProvider).toMatchObject([{ amount: 2 * PRICE, status: "succeeded" }]);
    const refund = await prisma().refund.findUniqueOrThrow({ where: { idempotencyKey: returnRefundKey(request.id) } });
    expect(refund).toMatchObject({ paymentId: payload.paymentId, amountMinor: 2 * PRICE, status: "SUCCEEDED", providerRefundId: atProvider[0]!.id });
    expect(await prisma().returnRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "REFUNDED", refundId: refund.id });

    // The provider's webhooks record the partial refund on the payment.
    await deliverSandboxEvents();
    expect(await prisma().payment.findUniqueOrThrow({ where: { id: payload.paymentId } })).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedMinor: 2 * PRICE });
    expect(await prisma().refund.count({ where: { paymentId: payload.paymentId } })).toBe(1);
  });

  it("does nothing for a return that is not accepted", async () => {
    const buy = await deliveredPurchase();
    const request = await requestReturn(buy.shopper.id, { orderLineId: buy.lineId, quantity: 1, reason: "Too small" });
    const payment = await prisma().payment.findFirstOrThrow({ where: { orderId: buy.orderId } });
    expect(await refundReturn({ returnRequestId: request.id, paymentId: payment.id, amountMinor: PRICE })).toBe("not-accepted");
    expect(await prisma().sandboxRefund.count({ where: { paymentIntentId: buy.paymentIntentId } })).toBe(0);
  });
});
