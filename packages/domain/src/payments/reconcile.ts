// Asking the provider instead of waiting for a webhook: for payments whose webhook may have been
// lost (the reconciliation job), and before an unpaid order expires (cancel the intent first, so
// no payment can complete after the stock was released). What the provider says is applied by
// the same code as a webhook event (applyPaymentIntent), observed "now".
import { getPrisma, OrderStatus, PaymentStatus } from "@market/db";
import type { Task } from "graphile-worker";
import { metrics } from "@market/observability/metrics";
import Stripe from "stripe";
import { applyPaymentIntent, isOrderPaid, type IntentSnapshot } from "./apply-provider-state.ts";
import { paymentConfig } from "./config.ts";
import { getStripe } from "./stripe-client.ts";

async function paymentOf(orderId: string) {
  return getPrisma().payment.findFirst({ where: { orderId }, orderBy: { createdAt: "desc" }, select: { id: true, providerPaymentId: true } });
}

async function apply(orderId: string, intent: IntentSnapshot, options: { source: string; cancelsOrder?: boolean; requestId?: string | null }) {
  return getPrisma().$transaction(
    async (tx) => {
      const outcome = await applyPaymentIntent(tx, intent, { observedAt: new Date(), ...options });
      return { outcome, paid: await isOrderPaid(tx, orderId) };
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}

export type ReconcileResult = "paid" | "processing" | "unpaid" | "no-payment";

/** Fetches the order's PaymentIntent from the provider and applies its state. */
export async function reconcilePayment(orderId: string, { requestId }: { requestId?: string | null } = {}): Promise<ReconcileResult> {
  const payment = await paymentOf(orderId);
  if (!payment?.providerPaymentId) return "no-payment";
  const intent = await getStripe().paymentIntents.retrieve(payment.providerPaymentId);
  const { outcome, paid } = await apply(orderId, intent, { source: "reconciliation", requestId });
  if (outcome === "paid") metrics().ordersPaid.inc({ source: "reconciliation" });
  if (paid) return "paid";
  return intent.status === "processing" ? "processing" : "unpaid";
}

export type CancelAtProviderResult = "canceled" | "succeeded" | "processing" | "no-payment";

/**
 * Cancels the order's PaymentIntent so it can no longer be paid, and records that on the
 * Payment; ending the order is the caller's part. If the intent already succeeded, the payment
 * is applied (the order becomes paid, or is refunded if it cannot be any more) and the answer is
 * "succeeded"; a payment still processing cannot be cancelled ("processing": ask again later).
 */
export async function cancelPaymentAtProvider(orderId: string, { requestId }: { requestId?: string | null } = {}): Promise<CancelAtProviderResult> {
  const payment = await paymentOf(orderId);
  if (!payment?.providerPaymentId) return "no-payment";
  const stripe = getStripe();
  let intent: Stripe.PaymentIntent;
  try {
    intent = await stripe.paymentIntents.cancel(payment.providerPaymentId, { cancellation_reason: "abandoned" }, { idempotencyKey: `cancel:${payment.id}` });
  } catch (error) {
    // Not cancellable (already succeeded, processing or cancelled): find out which.
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError) || error.code !== "payment_intent_unexpected_state") throw error;
    intent = await stripe.paymentIntents.retrieve(payment.providerPaymentId);
  }
  await apply(orderId, intent, { source: "cancellation", cancelsOrder: false, requestId });
  if (intent.status === "succeeded") return "succeeded";
  if (intent.status === "processing") return "processing";
  return "canceled";
}

/**
 * The expiry job's question (see SettlePayment in checkout): make sure no payment can still
 * complete, and say whether the order is paid.
 */
export async function settlePaymentBeforeExpiry(orderId: string): Promise<"paid" | "processing" | "not-paid"> {
  const result = await cancelPaymentAtProvider(orderId);
  if (result === "processing") return "processing";
  if (result === "succeeded") {
    const order = await getPrisma().order.findUnique({ where: { id: orderId }, select: { status: true } });
    if (order?.status === OrderStatus.PAID || order?.status === OrderStatus.COMPLETED) return "paid";
  }
  return "not-paid";
}

// (A cron task's name may not contain dots, unlike the other jobs'.)
export const RECONCILE_PAYMENTS_TASK = "payments:reconcile";
/** graphile-worker crontab line: every three minutes. */
export const RECONCILE_PAYMENTS_CRONTAB = `*/3 * * * * ${RECONCILE_PAYMENTS_TASK} ?max=1`;

/**
 * Payments still open (not paid, failed-but-retryable or processing) for unpaid orders, started
 * more than PAYMENT_RECONCILE_AFTER_MINUTES ago: each is asked about once per run.
 */
export async function reconcileOpenPayments({ now = new Date(), limit = 200, log = console.log }: { now?: Date; limit?: number; log?: (line: string) => void } = {}) {
  const cutoff = new Date(now.getTime() - paymentConfig().reconcileAfterMinutes * 60_000);
  const open = await getPrisma().payment.findMany({
    where: {
      status: { in: [PaymentStatus.REQUIRES_PAYMENT, PaymentStatus.FAILED, PaymentStatus.PROCESSING] },
      providerPaymentId: { not: null },
      createdAt: { lt: cutoff },
      order: { status: OrderStatus.PENDING_PAYMENT },
    },
    select: { orderId: true },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  const results: Record<ReconcileResult | "error", number> = { paid: 0, processing: 0, unpaid: 0, "no-payment": 0, error: 0 };
  for (const { orderId } of open) {
    try {
      results[await reconcilePayment(orderId)]++;
    } catch (error) {
      // One payment the provider cannot answer about must not stop the others.
      results.error++;
      log(JSON.stringify({ level: "error", msg: "payment reconciliation failed", orderId, error: error instanceof Error ? error.message : String(error) }));
    }
  }
  return results;
}

export const reconcilePaymentsTask: Task = async (_payload, helpers) => {
  const results = await reconcileOpenPayments({ log: (line) => helpers.logger.error(line) });
  helpers.logger.info(`payments: reconciliation ${JSON.stringify(results)}`);
};
