// Asking the provider when a webhook never came, and before an unpaid order expires.
import { getPrisma } from "@market/db";
import { metrics } from "@market/observability/metrics";
import { describe, expect, it } from "vitest";
import { cancelPaymentAtProvider, reconcileOpenPayments, reconcilePayment, settlePaymentBeforeExpiry } from "./reconcile.ts";
import { refundUnfulfillablePayment } from "./refund-payment.ts";
import { startPayment } from "./start-payment.ts";
import { getStripe } from "./stripe-client.ts";
import { createPendingOrder, deliverSandboxEvents, useSandboxServer } from "./testing/index.ts";

useSandboxServer();

const orderStatus = async (id: string) => (await getPrisma().order.findUniqueOrThrow({ where: { id } })).status;
const paymentOf = (orderId: string) => getPrisma().payment.findFirstOrThrow({ where: { orderId } });
const paidByReconciliation = async () => (await metrics().ordersPaid.get()).values.find((v) => v.labels.source === "reconciliation")?.value ?? 0;
const orderPaidEvents = (orderId: string) => getPrisma().outboxEvent.count({ where: { type: "OrderPaid", aggregateId: orderId } });

describe("reconciliation", () => {
  it("applies a succeeded PaymentIntent whose webhook was lost, and the late webhook changes nothing", async () => {
    const order = await createPendingOrder();
    const session = await startPayment(order.id);
    await getStripe().paymentIntents.confirm(session.paymentIntentId, { payment_method: "pm_card_visa" });
    // The payment_intent.succeeded event is never delivered.
    expect(await orderStatus(order.id)).toBe("PENDING_PAYMENT");
    const countedBefore = await paidByReconciliation();
    expect(await reconcilePayment(order.id)).toBe("paid");
    expect(await orderStatus(order.id)).toBe("PAID");
    expect(await paidByReconciliation()).toBe(countedBefore + 1);
    expect(await paymentOf(order.id)).toMatchObject({ status: "SUCCEEDED" });
    expect(await orderPaidEvents(order.id)).toBe(1);

    // The webhook arrives after all: verified, recorded, no second fulfilment.
    expect(await deliverSandboxEvents()).toEqual(["payment_intent.succeeded"]);
    expect(await orderPaidEvents(order.id)).toBe(1);
    expect(await reconcilePayment(order.id)).toBe("paid");
    // Already paid: reconciling again is not another paid order.
    expect(await paidByReconciliation()).toBe(countedBefore + 1);
  });

  it("reports unpaid and processing payments as they are", async () => {
    const unpaid = await createPendingOrder();
    await startPayment(unpaid.id);
    expect(await reconcilePayment(unpaid.id)).toBe("unpaid");
    expect(await reconcilePayment((await createPendingOrder()).id)).toBe("no-payment");

    process.env.PAYMENT_SANDBOX_PROCESSING_SECONDS = "600";
    try {
      const slow = await createPendingOrder();
      const session = await startPayment(slow.id);
      await getStripe().paymentIntents.confirm(session.paymentIntentId, { payment_method: "pm_card_sandbox_processing" });
      expect(await reconcilePayment(slow.id)).toBe("processing");
      expect(await paymentOf(slow.id)).toMatchObject({ status: "PROCESSING" });
    } finally {
      delete process.env.PAYMENT_SANDBOX_PROCESSING_SECONDS;
    }
  });

  it("the job asks about open payments of unpaid orders older than PAYMENT_RECONCILE_AFTER_MINUTES", async () => {
    const stale = await createPendingOrder();
    const staleSession = await startPayment(stale.id);
    await getStripe().paymentIntents.confirm(staleSession.paymentIntentId, { payment_method: "pm_card_visa" });
    const fresh = await createPendingOrder();
    const freshSession = await startPayment(fresh.id);
    await getStripe().paymentIntents.confirm(freshSession.paymentIntentId, { payment_method: "pm_card_visa" });
    await getPrisma().payment.updateMany({ where: { orderId: stale.id }, data: { createdAt: new Date(Date.now() - 11 * 60_000) } });

    const results = await reconcileOpenPayments();
    expect(results).toMatchObject({ paid: 1, error: 0 });
    expect(await orderStatus(stale.id)).toBe("PAID");
    expect(await orderStatus(fresh.id)).toBe("PENDING_PAYMENT"); // its webhook still has time to come
  });

  it("cancels the intent before an order expires, unless it was paid meanwhile", async () => {
    const unpaid = await createPendingOrder();
    const session = await startPayment(unpaid.id);
    expect(await cancelPaymentAtProvider(unpaid.id)).toBe("canceled");
    expect(await getStripe().paymentIntents.retrieve(session.paymentIntentId)).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" });
    expect(await paymentOf(unpaid.id)).toMatchObject({ status: "CANCELED" });
    expect(await orderStatus(unpaid.id)).toBe("PENDING_PAYMENT"); // ending the order is the expiry job's part
    expect(await cancelPaymentAtProvider(unpaid.id)).toBe("canceled"); // again: same answer
    // The shopper can no longer pay it.
    await expect(getStripe().paymentIntents.confirm(session.paymentIntentId, { payment_method: "pm_card_visa" })).rejects.toMatchObject({ code: "payment_intent_unexpected_state" });
    // The cancellation's webhook ends the order if the expiry job did not get that far.
    await deliverSandboxEvents();
    expect(await orderStatus(unpaid.id)).toBe("CANCELLED");

    const paid = await createPendingOrder();
    const paidSession = await startPayment(paid.id);
    await getStripe().paymentIntents.confirm(paidSession.paymentIntentId, { payment_method: "pm_card_visa" });
    expect(await settlePaymentBeforeExpiry(paid.id)).toBe("paid");
    expect(await orderStatus(paid.id)).toBe("PAID");

    expect(await settlePaymentBeforeExpiry((await createPendingOrder()).id)).toBe("not-paid");
  });

  it("refunds a payment that arrived for a cancelled order, once", async () => {
    const order = await createPendingOrder({ totalMinor: 75_000 });
    const session = await startPayment(order.id);
    await getPrisma().order.update({ where: { id: order.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    await getStripe().paymentIntents.confirm(session.paymentIntentId, { payment_method: "pm_card_visa" });
    await deliverSandboxEvents();
    const payment = await paymentOf(order.id);
    const required = await getPrisma().outboxEvent.findFirstOrThrow({ where: { type: "PaymentRefundRequired", aggregateId: payment.id } });

    const reason = (required.payload as { reason: string }).reason;
    const outcomes = await Promise.all([refundUnfulfillablePayment(payment.id, reason), refundUnfulfillablePayment(payment.id, reason)]);
    expect(outcomes).toContain("refunded");
    expect(await refundUnfulfillablePayment(payment.id, reason)).toBe("already-refunded");
    const refunds = await getPrisma().sandboxRefund.findMany({ where: { paymentIntentId: session.paymentIntentId } });
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: 75_000, metadata: { payment_id: payment.id, order_id: order.id } });

    expect(await deliverSandboxEvents()).toEqual(["charge.refunded"]);
    expect(await paymentOf(order.id)).toMatchObject({ status: "REFUNDED", refundedMinor: 75_000 });
    expect(await getPrisma().refund.findMany({ where: { paymentId: payment.id } })).toMatchObject([{ status: "SUCCEEDED", amountMinor: 75_000, providerRefundId: refunds[0]!.id }]);
  });
});
