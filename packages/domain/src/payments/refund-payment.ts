// The consumer of PaymentRefundRequired: a payment succeeded for an order that had already been
// cancelled (it expired while the shopper was paying), so the money goes back. Idempotent: our
// Refund row is keyed by the payment, and the provider call uses the same key, so a retried
// delivery neither refunds twice nor loses the refund.
import { getPrisma, RefundStatus } from "@market/db";
import Stripe from "stripe";
import type { OutboxHandler } from "../outbox/index.ts";
import { recordProviderRefund } from "./apply-provider-state.ts";
import { getStripe } from "./stripe-client.ts";

export const refundKey = (paymentId: string) => `refund:${paymentId}:order-not-payable`;

export async function refundUnfulfillablePayment(paymentId: string, reason: string): Promise<"refunded" | "already-refunded" | "nothing-to-refund"> {
  const prisma = getPrisma();
  const payment = await prisma.payment.findUnique({ where: { id: paymentId }, select: { id: true, orderId: true, providerPaymentId: true, amountMinor: true, refundedMinor: true } });
  if (!payment?.providerPaymentId) return "nothing-to-refund";
  const key = refundKey(payment.id);
  // What is left: partial refunds (a seller's cancelled parcel) may be asked for and not yet
  // confirmed by the provider, so our own unfailed Refund rows count too.
  const claimed = await prisma.refund.aggregate({ where: { paymentId: payment.id, idempotencyKey: { not: key }, status: { not: RefundStatus.FAILED } }, _sum: { amountMinor: true } });
  await prisma.refund.createMany({
    data: [{ paymentId: payment.id, idempotencyKey: key, amountMinor: payment.amountMinor - Math.max(payment.refundedMinor, claimed._sum.amountMinor ?? 0), reason }],
    skipDuplicates: true,
  });
  const refund = await prisma.refund.findUniqueOrThrow({ where: { idempotencyKey: key } });
  if (refund.providerRefundId || refund.status === RefundStatus.SUCCEEDED) return "already-refunded";
  if (refund.amountMinor <= 0) return "nothing-to-refund";
  try {
    const created = await getStripe().refunds.create(
      {
        payment_intent: payment.providerPaymentId,
        amount: refund.amountMinor,
        metadata: { refund_id: refund.id, payment_id: payment.id, order_id: payment.orderId },
      },
      { idempotencyKey: key },
    );
    await prisma.$transaction((tx) => recordProviderRefund(tx, payment.id, created));
    return "refunded";
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "charge_already_refunded") {
      await prisma.refund.update({ where: { id: refund.id }, data: { status: RefundStatus.SUCCEEDED } });
      return "already-refunded";
    }
    throw error;
  }
}

export const refundPaymentHandler: OutboxHandler<"PaymentRefundRequired"> = {
  name: "payments.refund-unfulfillable",
  async handle(event) {
    await refundUnfulfillablePayment(event.payload.paymentId, event.payload.reason);
  },
};
