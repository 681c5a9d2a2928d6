// Webhook events applied to our records: once per event, in any order, never backwards, never
// for the wrong amount.
import { getPrisma } from "@market/db";
import { describe, expect, it } from "vitest";
import { processStripeEvent, verifyStripeWebhook } from "./stripe-webhook.ts";
import { createPayment, createPendingOrder, deliverEvent, paymentIntentEvent, signedDelivery } from "./testing/index.ts";

async function paidOrder() {
  const order = await createPendingOrder();
  const payment = await createPayment(order);
  const intent = { id: payment.providerPaymentId!, amount: order.totalMinor, currency: "rub", metadata: { order_id: order.id, payment_id: payment.id } };
  return { order, payment, intent };
}

const outboxOf = (type: string, orderId: string) => getPrisma().outboxEvent.count({ where: { type, payload: { path: ["orderId"], equals: orderId } } });
const state = async (orderId: string, paymentId: string) => ({
  order: (await getPrisma().order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status,
  payment: (await getPrisma().payment.findUniqueOrThrow({ where: { id: paymentId }, select: { status: true } })).status,
});

describe("Stripe webhook events", () => {
  it("pays the order once when the same event is delivered twice, or five times at once", async () => {
    const { order, payment, intent } = await paidOrder();
    const event = paymentIntentEvent("payment_intent.succeeded", { ...intent, status: "succeeded" });
    expect(await deliverEvent(event)).toBe("paid");
    expect(await deliverEvent(event)).toBe("duplicate");
    expect(await state(order.id, payment.id)).toEqual({ order: "PAID", payment: "SUCCEEDED" });
    expect(await outboxOf("OrderPaid", order.id)).toBe(1);
    // The reserved unit is now sold: on hand 5 → 4, reserved 1 → 0.
    expect(await getPrisma().stock.findFirstOrThrow({ where: { variantId: order.variantId } })).toMatchObject({ onHand: 4, reserved: 0 });

    const other = await paidOrder();
    const burst = paymentIntentEvent("payment_intent.succeeded", { ...other.intent, status: "succeeded" });
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => deliverEvent(burst)));
    expect(outcomes.sort()).toEqual(["duplicate", "duplicate", "duplicate", "duplicate", "paid"]);
    expect(await outboxOf("OrderPaid", other.order.id)).toBe(1);
    expect(await getPrisma().processedWebhookEvent.count({ where: { eventId: burst.id } })).toBe(1);
  });

  it("fulfils once when two different events report the same success", async () => {
    const { order, intent } = await paidOrder();
    expect(await deliverEvent(paymentIntentEvent("payment_intent.succeeded", { ...intent, status: "succeeded" }))).toBe("paid");
    expect(await deliverEvent(paymentIntentEvent("payment_intent.succeeded", { ...intent, status: "succeeded" }))).toBe("already-paid");
    expect(await outboxOf("OrderPaid", order.id)).toBe(1);
  });

  it("never moves a payment backwards when events arrive out of order", async () => {
    const now = Math.floor(Date.now() / 1000);
    // A declined attempt (t-10), then a successful one (t), delivered success first.
    const a = await paidOrder();
    const failed = paymentIntentEvent("payment_intent.payment_failed", { ...a.intent, status: "requires_payment_method", lastPaymentError: { code: "card_declined", message: "Your card was declined." } }, { created: now - 10 });
    const succeeded = paymentIntentEvent("payment_intent.succeeded", { ...a.intent, status: "succeeded" }, { created: now });
    expect(await deliverEvent(succeeded)).toBe("paid");
    expect(await deliverEvent(failed)).toBe("stale");
    expect(await state(a.order.id, a.payment.id)).toEqual({ order: "PAID", payment: "SUCCEEDED" });
    expect(await getPrisma().processedWebhookEvent.count({ where: { eventId: failed.id } })).toBe(1); // recorded, no effect

    // Processing (t) delivered before an older decline (t-5): stays processing.
    const b = await paidOrder();
    expect(await deliverEvent(paymentIntentEvent("payment_intent.processing", { ...b.intent, status: "processing" }, { created: now }))).toBe("processing");
    expect(await deliverEvent(paymentIntentEvent("payment_intent.payment_failed", { ...b.intent, status: "requires_payment_method", lastPaymentError: { code: "card_declined", message: "Declined" } }, { created: now - 5 }))).toBe("stale");
    expect(await state(b.order.id, b.payment.id)).toEqual({ order: "PENDING_PAYMENT", payment: "PROCESSING" });

    // In order: a decline leaves the order payable (the shopper retries), then success.
    const c = await paidOrder();
    expect(await deliverEvent(paymentIntentEvent("payment_intent.payment_failed", { ...c.intent, status: "requires_payment_method", lastPaymentError: { code: "card_declined", message: "Your card was declined." } }, { created: now - 10 }))).toBe("failed");
    expect(await getPrisma().payment.findUniqueOrThrow({ where: { id: c.payment.id } })).toMatchObject({ status: "FAILED", failureMessage: "Your card was declined." });
    expect(await state(c.order.id, c.payment.id)).toEqual({ order: "PENDING_PAYMENT", payment: "FAILED" });
    expect(await deliverEvent(paymentIntentEvent("payment_intent.succeeded", { ...c.intent, status: "succeeded" }, { created: now }))).toBe("paid");
    expect(await getPrisma().payment.findUniqueOrThrow({ where: { id: c.payment.id } })).toMatchObject({ status: "SUCCEEDED", failureMessage: null });
  });

  it("does not mark the order paid when the amount or currency differs, and records the mismatch", async () => {
    const { order, payment, intent } = await paidOrder();
    expect(await deliverEvent(paymentIntentEvent("payment_intent.succeeded", { ...intent, amount: 100, status: "succeeded" }))).toBe("amount-mismatch");
    expect(await deliverEvent(paymentIntentEvent("payment_intent.succeeded", { ...intent, currency: "usd", status: "succeeded" }))).toBe("amount-mismatch");
    expect(await state(order.id, payment.id)).toEqual({ order: "PENDING_PAYMENT", payment: "REQUIRES_PAYMENT" });
    expect(await outboxOf("OrderPaid", order.id)).toBe(0);
    const mismatches = await getPrisma().paymentAmountMismatch.findMany({ where: { paymentId: payment.id }, orderBy: { receivedMinor: "asc" } });
    expect(mismatches.map((m) => [m.receivedMinor, m.receivedCurrency, m.expectedMinor, m.expectedCurrency])).toEqual([
      [100, "rub", order.totalMinor, "RUB"],
      [order.totalMinor, "usd", order.totalMinor, "RUB"],
    ]);
    expect(mismatches[0]!.source).toMatch(/^webhook evt_/);
  });

  it("cancels the order when its payment is cancelled, releasing the stock", async () => {
    const { order, payment, intent } = await paidOrder();
    expect(await deliverEvent(paymentIntentEvent("payment_intent.canceled", { ...intent, status: "canceled", cancellationReason: "abandoned" }))).toBe("canceled");
    expect(await state(order.id, payment.id)).toEqual({ order: "CANCELLED", payment: "CANCELED" });
    expect(await getPrisma().order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ cancelReason: expect.stringContaining("did not arrive in time") });
    expect(await getPrisma().stock.findFirstOrThrow({ where: { variantId: order.variantId } })).toMatchObject({ onHand: 5, reserved: 0 });
    // A success can no longer follow a cancellation.
    expect(await deliverEvent(paymentIntentEvent("payment_intent.succeeded", { ...intent, status: "succeeded" }))).toBe("stale");
  });

  it("asks for a refund when the money arrives after the order was cancelled, and records the refund", async () => {
    const { order, payment, intent } = await paidOrder();
    await getPrisma().order.update({ where: { id: order.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    expect(await deliverEvent(paymentIntentEvent("payment_intent.succeeded", { ...intent, status: "succeeded" }))).toBe("refund-required");
    expect(await outboxOf("PaymentRefundRequired", order.id)).toBe(1);
    // The payment itself is recorded as succeeded, though the order cannot take it.
    expect(await state(order.id, payment.id)).toEqual({ order: "CANCELLED", payment: "SUCCEEDED" });
    // A second report of the same success asks for nothing more.
    await deliverEvent(paymentIntentEvent("payment_intent.succeeded", { ...intent, status: "succeeded" }));
    expect(await outboxOf("PaymentRefundRequired", order.id)).toBe(1);

    const charge = (amountRefunded: number, refunds: { id: string; amount: number }[]) => ({
      id: `evt_${crypto.randomUUID()}`,
      object: "event",
      created: Math.floor(Date.now() / 1000),
      type: "charge.refunded",
      data: {
        object: {
          id: "ch_1",
          object: "charge",
          amount: order.totalMinor,
          amount_refunded: amountRefunded,
          currency: "rub",
          metadata: intent.metadata,
          payment_intent: intent.id,
          refunds: { object: "list", data: refunds.map((r) => ({ ...r, object: "refund", status: "succeeded", reason: null, metadata: {} })) },
        },
      },
    });
    expect(await deliverEvent(charge(100_000, [{ id: "re_1", amount: 100_000 }]))).toBe("refunded");
    expect(await getPrisma().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedMinor: 100_000 });
    expect(await deliverEvent(charge(order.totalMinor, [{ id: "re_1", amount: 100_000 }, { id: "re_2", amount: order.totalMinor - 100_000 }]))).toBe("refunded");
    // An older report arriving late changes nothing.
    expect(await deliverEvent(charge(100_000, [{ id: "re_1", amount: 100_000 }]))).toBe("stale");
    expect(await getPrisma().payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "REFUNDED", refundedMinor: order.totalMinor });
    expect(await getPrisma().refund.count({ where: { paymentId: payment.id, status: "SUCCEEDED" } })).toBe(2);
    const refunded = await getPrisma().outboxEvent.findMany({ where: { type: "PaymentRefunded", aggregateId: payment.id }, orderBy: { createdAt: "asc" } });
    expect(refunded.map((e) => (e.payload as { amountMinor: number }).amountMinor)).toEqual([100_000, order.totalMinor - 100_000]);
  });

  it("answers events about payments that are not ours without touching anything", async () => {
    const event = paymentIntentEvent("payment_intent.succeeded", { id: "pi_someone_else", status: "succeeded", amount: 500, currency: "usd" });
    expect(await deliverEvent(event)).toBe("not-ours");
    const unsubscribed = paymentIntentEvent("customer.created", { id: "pi_x", status: "succeeded", amount: 1, currency: "usd" });
    expect(await deliverEvent(unsubscribed)).toBe("ignored");
    // Types the endpoint does not act on are not even recorded.
    expect(await getPrisma().processedWebhookEvent.count({ where: { eventId: unsubscribed.id } })).toBe(0);
  });

  it("rejects forged, tampered and replayed deliveries before anything is applied", async () => {
    const { intent } = await paidOrder();
    const event = paymentIntentEvent("payment_intent.succeeded", { ...intent, status: "succeeded" });
    const forged = signedDelivery(event, { secret: "whsec_not_the_secret" });
    expect(() => verifyStripeWebhook(forged.body, forged.signature)).toThrow(/signature/i);
    const genuine = signedDelivery(event);
    expect(() => verifyStripeWebhook(genuine.body.replace(String(intent.amount), "1"), genuine.signature)).toThrow();
    const old = signedDelivery(event, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(() => verifyStripeWebhook(old.body, old.signature)).toThrow(/tolerance/i);
    expect(() => verifyStripeWebhook(genuine.body, null)).toThrow(/missing/i);
    expect(await processStripeEvent(verifyStripeWebhook(genuine.body, genuine.signature))).toBe("paid");
  });
});
