// The shopper cancels an order: unpaid (the payment is stopped at the provider) or paid (every
// parcel still in the warehouse: the units go back on sale and the money goes back).
import { randomBytes, randomUUID } from "node:crypto";
import { getPrisma, type FulfilmentStatus } from "@market/db";
import { describe, expect, it } from "vitest";
import { markOrderPaid, placeOrder } from "../checkout/index.ts";
import { refundUnfulfillablePayment, startPayment } from "../payments/index.ts";
import { getStripe } from "../payments/stripe-client.ts";
import { createPendingOrder, deliverSandboxEvents, useSandboxServer } from "../payments/testing/index.ts";
import { createPickupPoint, createProduct, createUser, createWarehouse } from "../testing/shop-fixtures.ts";
import { applyFulfilmentUpdate } from "./apply-fulfilment-update.ts";
import { cancelOrder, canShopperCancel, SHIPPED_CONFLICT } from "./cancel-order.ts";

useSandboxServer();

const prisma = () => getPrisma();
const stockOf = (variantId: string, warehouseId: string) =>
  prisma().stock.findUniqueOrThrow({ where: { variantId_warehouseId: { variantId, warehouseId } }, select: { onHand: true, reserved: true } });
const eventsOf = (type: string, aggregateId: string) => prisma().outboxEvent.count({ where: { type, aggregateId } });

/** A pending order paid through the sandbox, as a shopper's card payment leaves it. */
async function paidThroughSandbox() {
  const order = await createPendingOrder({ totalMinor: 120_000 });
  const session = await startPayment(order.id);
  await getStripe().paymentIntents.confirm(session.paymentIntentId, { payment_method: "pm_card_visa" });
  await deliverSandboxEvents();
  expect((await prisma().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
  return { ...order, paymentIntentId: session.paymentIntentId };
}

/** A paid order of two sellers' products (two parcels), with a succeeded Payment row. */
async function paidTwoSellerOrder() {
  const user = await createUser();
  const warehouse = await createWarehouse("Moscow");
  const a = await createProduct({ warehouseId: warehouse.id });
  const b = await createProduct({ warehouseId: warehouse.id });
  await prisma().cart.create({ data: { userId: user.id, lines: { create: [{ variantId: a.variants[2]!.id, quantity: 2 }, { variantId: b.variants[3]!.id, quantity: 1 }] } } });
  const point = await createPickupPoint("Moscow", 2);
  const placed = await placeOrder(user.id, {
    idempotencyKey: randomBytes(16).toString("base64url"),
    delivery: { method: "PICKUP", pickupPointId: point.id },
    contact: { name: "Anna Petrova", phone: "+7 900 123-45-67", email: "anna@example.com" },
  });
  const payment = await prisma().payment.create({
    data: { orderId: placed.orderId, provider: "SANDBOX", providerPaymentId: `pi_test_${randomUUID().replaceAll("-", "")}`, idempotencyKey: `order:${placed.orderId}`, amountMinor: placed.totalMinor, currency: "RUB", status: "SUCCEEDED" },
  });
  await prisma().$transaction((tx) => markOrderPaid(tx, { orderId: placed.orderId, paymentId: payment.id }));
  const parts = await prisma().orderPart.findMany({ where: { orderId: placed.orderId }, orderBy: { id: "asc" }, select: { id: true } });
  return { userId: user.id, orderId: placed.orderId, number: placed.number, paymentId: payment.id, parts, warehouseId: warehouse.id, variants: [a.variants[2]!.id, b.variants[3]!.id], products: [a.id, b.id] };
}

const report = (orderPartId: string, status: FulfilmentStatus) =>
  prisma().$transaction((tx) => applyFulfilmentUpdate(tx, { orderPartId, status, occurredAt: new Date(), source: "WAREHOUSE" }));

describe("cancelling an unpaid order", () => {
  it("cancels the payment at the provider, releases the reservation and announces it once", async () => {
    const order = await createPendingOrder();
    const session = await startPayment(order.id);
    expect(await stockOf(order.variantId, order.warehouseId)).toEqual({ onHand: 5, reserved: 1 });

    const detail = await cancelOrder(order.userId, { number: order.number, reason: "Changed my mind" });
    expect(detail).toMatchObject({ status: "cancelled", cancelReason: "You cancelled this order: Changed my mind" });
    expect(await stockOf(order.variantId, order.warehouseId)).toEqual({ onHand: 5, reserved: 0 });
    expect(await getStripe().paymentIntents.retrieve(session.paymentIntentId)).toMatchObject({ status: "canceled" });
    // The shopper can no longer pay it.
    await expect(getStripe().paymentIntents.confirm(session.paymentIntentId, { payment_method: "pm_card_visa" })).rejects.toMatchObject({ code: "payment_intent_unexpected_state" });

    // Again, and the provider's cancellation webhook arriving late: nothing more happens.
    expect(await cancelOrder(order.userId, { number: order.number })).toMatchObject({ status: "cancelled" });
    await deliverSandboxEvents();
    expect(await eventsOf("OrderCancelled", order.id)).toBe(1);
    expect(await prisma().order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "CANCELLED", cancelReason: "You cancelled this order: Changed my mind" });
  });

  it("works without a payment started", async () => {
    const order = await createPendingOrder();
    expect(await cancelOrder(order.userId, { number: order.number })).toMatchObject({ status: "cancelled", cancelReason: "You cancelled this order." });
    expect(await stockOf(order.variantId, order.warehouseId)).toEqual({ onHand: 5, reserved: 0 });
  });

  it("becomes the cancellation of a paid order when the payment went through meanwhile", async () => {
    const order = await createPendingOrder({ totalMinor: 90_000 });
    const session = await startPayment(order.id);
    await getStripe().paymentIntents.confirm(session.paymentIntentId, { payment_method: "pm_card_visa" });
    // The success webhook has not arrived yet: the provider says it succeeded.
    expect(await cancelOrder(order.userId, { number: order.number })).toMatchObject({ status: "cancelled" });
    const payment = await prisma().payment.findFirstOrThrow({ where: { orderId: order.id } });
    expect(await eventsOf("PaymentRefundRequired", payment.id)).toBe(1);
    expect(await stockOf(order.variantId, order.warehouseId)).toEqual({ onHand: 5, reserved: 0 });
  });
});

describe("cancelling a paid order", () => {
  it("cancels every parcel, puts the sold units back on sale and asks for the refund, once", async () => {
    const order = await paidTwoSellerOrder();
    const [a, b] = order.variants as [string, string];
    expect(await stockOf(a, order.warehouseId)).toEqual({ onHand: 5, reserved: 0 }); // 7 on hand, 2 sold
    expect(await stockOf(b, order.warehouseId)).toEqual({ onHand: 2, reserved: 0 });
    await report(order.parts[0]!.id, "PICKING");
    const soldBefore = await prisma().product.findMany({ where: { id: { in: order.products } }, select: { soldCount: true } });
    expect(soldBefore.map((p) => p.soldCount).sort()).toEqual([1, 2]);

    const detail = await cancelOrder(order.userId, { number: order.number, reason: "  Found it cheaper  " });
    expect(detail.status).toBe("cancelled");
    expect(detail.parts.map((part) => part.status)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(await stockOf(a, order.warehouseId)).toEqual({ onHand: 7, reserved: 0 });
    expect(await stockOf(b, order.warehouseId)).toEqual({ onHand: 3, reserved: 0 });
    expect(await prisma().reservation.findMany({ where: { orderId: order.orderId }, select: { status: true } })).toEqual([{ status: "RELEASED" }, { status: "RELEASED" }]);
    expect((await prisma().product.findMany({ where: { id: { in: order.products } }, select: { soldCount: true } })).map((p) => p.soldCount)).toEqual([0, 0]);
    expect(await prisma().order.findUniqueOrThrow({ where: { id: order.orderId } })).toMatchObject({ status: "CANCELLED", cancelReason: "You cancelled this order: Found it cheaper" });
    expect(await prisma().fulfilmentEvent.count({ where: { orderPartId: { in: order.parts.map((p) => p.id) }, status: "CANCELLED", source: "SYSTEM", applied: true } })).toBe(2);
    expect(await eventsOf("OrderCancelled", order.orderId)).toBe(1);
    expect(await eventsOf("PaymentRefundRequired", order.paymentId)).toBe(1);
    const sync = await prisma().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'search.sync-products'`;
    expect(sync[0]!.n).toBeGreaterThan(0);

    // Cancelling again answers the cancelled order and changes nothing.
    expect(await cancelOrder(order.userId, { number: order.number })).toMatchObject({ status: "cancelled" });
    expect(await stockOf(a, order.warehouseId)).toEqual({ onHand: 7, reserved: 0 });
    expect(await eventsOf("OrderCancelled", order.orderId)).toBe(1);
    expect(await eventsOf("PaymentRefundRequired", order.paymentId)).toBe(1);
  });

  it("refunds the payment through the provider (the existing refund consumer)", async () => {
    const order = await paidThroughSandbox();
    await cancelOrder(order.userId, { number: order.number });
    const payment = await prisma().payment.findFirstOrThrow({ where: { orderId: order.id } });
    const required = await prisma().outboxEvent.findFirstOrThrow({ where: { type: "PaymentRefundRequired", aggregateId: payment.id } });
    const reason = (required.payload as { reason: string }).reason;
    expect(await refundUnfulfillablePayment(payment.id, reason)).toBe("refunded");
    expect(await refundUnfulfillablePayment(payment.id, reason)).toBe("already-refunded");
    expect(await prisma().sandboxRefund.findMany({ where: { paymentIntentId: order.paymentIntentId } })).toMatchObject([{ amount: 120_000 }]);
    await deliverSandboxEvents();
    expect(await prisma().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "REFUNDED", refundedMinor: 120_000 });
    expect(await stockOf(order.variantId, order.warehouseId)).toEqual({ onHand: 5, reserved: 0 });
  });

  it.each([
    { shipped: "SHIPPED" as const, message: SHIPPED_CONFLICT },
    { shipped: "READY_FOR_PICKUP" as const, message: SHIPPED_CONFLICT },
  ])("refuses once a parcel is $shipped, and changes nothing", async ({ shipped, message }) => {
    const order = await paidTwoSellerOrder();
    await report(order.parts[1]!.id, shipped);
    await expect(cancelOrder(order.userId, { number: order.number })).rejects.toMatchObject({ code: "CONFLICT", message });
    expect((await prisma().orderPart.findMany({ where: { orderId: order.orderId }, orderBy: { id: "asc" } })).map((p) => p.status)).toEqual(["NEW", shipped]);
    expect(await prisma().order.findUniqueOrThrow({ where: { id: order.orderId } })).toMatchObject({ status: "PAID", cancelledAt: null });
    expect(await eventsOf("OrderCancelled", order.orderId)).toBe(0);
    expect(await stockOf(order.variants[0]!, order.warehouseId)).toEqual({ onHand: 5, reserved: 0 });
  });

  it("refuses a delivered order", async () => {
    const order = await paidTwoSellerOrder();
    for (const part of order.parts) await report(part.id, "DELIVERED");
    await expect(cancelOrder(order.userId, { number: order.number })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("answers NOT_FOUND for another shopper's order, and for no order", async () => {
    const order = await paidTwoSellerOrder();
    const stranger = await createUser();
    await expect(cancelOrder(stranger.id, { number: order.number })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cancelOrder(order.userId, { number: "M-000000-NOSUCH" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await prisma().order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("PAID");
  });
});

describe("whether the order page offers cancelling", () => {
  it.each([
    { status: "awaiting-payment", parts: ["AWAITING_PAYMENT"], expected: true },
    { status: "paid", parts: ["NEW", "NEW"], expected: true },
    { status: "being-prepared", parts: ["PICKING", "CANCELLED"], expected: true },
    { status: "packed", parts: ["PACKED"], expected: true },
    { status: "being-prepared", parts: ["PICKING", "SHIPPED"], expected: false },
    { status: "shipped", parts: ["SHIPPED"], expected: false },
    { status: "delivered", parts: ["DELIVERED"], expected: false },
    { status: "cancelled", parts: ["CANCELLED"], expected: false },
  ] as const)("$status with parcels $parts → $expected", ({ status, parts, expected }) => {
    expect(canShopperCancel({ status, parts: parts.map((s) => ({ status: s })) })).toBe(expected);
  });
});
