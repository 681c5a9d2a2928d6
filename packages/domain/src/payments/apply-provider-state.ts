// The one place where what the provider says about a payment changes our records. Webhook events
// and reconciliation both come here with a snapshot of the PaymentIntent (or Charge) and the time
// it describes, inside the caller's transaction.
//
// Order of events: Stripe does not deliver events in order, so the Payment row is locked and
// compared first. Terminal states (succeeded, canceled, refunded) are final: nothing moves a
// payment out of them. Among the open states (requires payment, failed, processing) the newer
// snapshot wins (Payment.lastEventAt), and on a tie the later state in the flow. An older or
// contradicting event is recorded as processed and changes nothing.
import { OrderStatus, PaymentStatus, Prisma, RefundStatus, type Currency } from "@market/db";
import type Stripe from "stripe";
import { cancelUnpaidOrder, markOrderPaid, type LockedOrder } from "../checkout/index.ts";
import type { Db } from "../db.ts";
import { writeOutboxEvent } from "../outbox/index.ts";
import { webhookEventInsert, type WebhookEventRecord } from "../webhook-events/record-webhook-event.ts";
import { processLogger } from "@market/observability/log";

export type ApplyOutcome =
  | "paid"
  | "already-paid"
  | "refund-required"
  | "amount-mismatch"
  | "failed"
  | "processing"
  | "requires-payment"
  | "canceled"
  | "refunded"
  | "stale"
  | "not-ours"
  /** The event was recorded before (only when the caller asked for it to be recorded, see ApplyContext.record). */
  | "duplicate";

/** The fields of a PaymentIntent this code reads (an SDK object or an event's data.object). */
export type IntentSnapshot = Pick<Stripe.PaymentIntent, "id" | "status" | "amount" | "amount_received" | "currency" | "metadata"> & {
  cancellation_reason?: string | null;
  last_payment_error?: { message?: string | null; code?: string | null } | null;
};

export type ApplyContext = {
  /** The moment the snapshot describes: the event's `created`, or now for a fresh retrieval. */
  observedAt: Date;
  /** For the mismatch record and logs: "webhook evt_…" or "reconciliation". */
  source: string;
  requestId?: string | null;
  /**
   * false: a cancelled intent only updates the Payment, and the caller ends the order itself
   * (the expiry job, which cancels the intent first and then the order with its own reason).
   */
  cancelsOrder?: boolean;
  /**
   * The webhook event to record as processed, once: recorded in the statement that locks the
   * payment, and "duplicate" is the outcome (with nothing else done) if it was recorded before.
   */
  record?: WebhookEventRecord;
};

/** Why the order ended, from the reason the intent was cancelled with. */
function cancelReasonOf(intent: IntentSnapshot): string {
  return intent.cancellation_reason === "abandoned"
    ? "The payment did not arrive in time, so the reserved items were released."
    : "The payment was cancelled.";
}

const RANK: Record<PaymentStatus, number> = {
  REQUIRES_PAYMENT: 0,
  FAILED: 1,
  PROCESSING: 2,
  SUCCEEDED: 3,
  CANCELED: 3,
  PARTIALLY_REFUNDED: 4,
  REFUNDED: 5,
};
const isTerminal = (status: PaymentStatus) => RANK[status] >= 3;

/** Our status for the provider's. */
export function paymentStatusOf(intent: Pick<IntentSnapshot, "status" | "last_payment_error">): PaymentStatus {
  switch (intent.status) {
    case "succeeded":
      return PaymentStatus.SUCCEEDED;
    case "processing":
      return PaymentStatus.PROCESSING;
    case "canceled":
      return PaymentStatus.CANCELED;
    case "requires_payment_method":
      return intent.last_payment_error ? PaymentStatus.FAILED : PaymentStatus.REQUIRES_PAYMENT;
    default:
      return PaymentStatus.REQUIRES_PAYMENT;
  }
}

type LockedPayment = {
  id: string;
  orderId: string;
  status: PaymentStatus;
  amountMinor: number;
  currency: Currency;
  refundedMinor: number;
  providerPaymentId: string | null;
  lastEventAt: Date | null;
  /** Its order, locked with it. */
  order: LockedOrder;
};

type LockedRow = Omit<LockedPayment, "order"> & { orderNumber: string; orderStatus: OrderStatus; orderTotalMinor: number; orderCurrency: Currency };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Our Payment for a provider's PaymentIntent and its order, both locked until the transaction
 * ends (in one statement: payment row first, then the order, as everywhere). Falls back to the
 * payment_id metadata we set at creation (an event that overtook the id being stored). With
 * `record`, the same statement records the event first, and locks nothing if it was recorded
 * before ("duplicate"): a concurrent delivery of the same event waits on the event's unique key
 * until the first commits.
 */
async function lockPayment(tx: Db, intentId: string, metadata: Stripe.Metadata | null | undefined, record?: ApplyContext["record"]): Promise<LockedPayment | null | "duplicate"> {
  const lockedWithOrder = (where: Prisma.Sql) => Prisma.sql`
    SELECT p.id, p."orderId", p.status, p."amountMinor", p.currency, p."refundedMinor", p."providerPaymentId", p."lastEventAt",
           o.number AS "orderNumber", o.status::text AS "orderStatus", o."totalMinor" AS "orderTotalMinor", o.currency::text AS "orderCurrency"
      FROM "Payment" p JOIN "Order" o ON o.id = p."orderId"
     WHERE ${where}
       FOR UPDATE OF p, o`;
  const byIntentId = Prisma.sql`p."providerPaymentId" = ${intentId}`;
  let byIntent: LockedRow | undefined;
  if (record) {
    const [row] = await tx.$queryRaw<(Partial<LockedRow> & { recorded: number })[]>`
      WITH recorded AS (${webhookEventInsert(record)} RETURNING 1)
      SELECT r.recorded, l.* FROM (SELECT count(*)::int AS recorded FROM recorded) r
      LEFT JOIN LATERAL (${lockedWithOrder(Prisma.sql`${byIntentId} AND r.recorded > 0`)}) l ON true`;
    if (row!.recorded === 0) return "duplicate";
    if (row!.id) byIntent = row as LockedRow;
  } else {
    [byIntent] = await tx.$queryRaw<LockedRow[]>(lockedWithOrder(byIntentId));
  }
  if (byIntent) return withOrder(byIntent);
  const paymentId = metadata?.payment_id;
  if (!paymentId || !UUID.test(paymentId)) return null;
  const [byMetadata] = await tx.$queryRaw<LockedRow[]>(lockedWithOrder(Prisma.sql`p.id = ${paymentId}::uuid AND p."providerPaymentId" IS NULL`));
  if (!byMetadata) return null;
  await tx.payment.update({ where: { id: byMetadata.id }, data: { providerPaymentId: intentId } });
  return { ...withOrder(byMetadata), providerPaymentId: intentId };
}

/** Records the event on its own, for one that names no payment; false if it was recorded before. */
async function recordEvent(tx: Db, record: NonNullable<ApplyContext["record"]>): Promise<boolean> {
  return (await tx.$executeRaw(webhookEventInsert(record))) === 1;
}

function withOrder({ orderNumber, orderStatus, orderTotalMinor, orderCurrency, ...payment }: LockedRow): LockedPayment {
  return { ...payment, order: { id: payment.orderId, number: orderNumber, status: orderStatus, totalMinor: orderTotalMinor, currency: orderCurrency } };
}

const later = (a: Date | null, b: Date) => (a && a > b ? a : b);

function applies(payment: LockedPayment, target: PaymentStatus, observedAt: Date): boolean {
  if (isTerminal(payment.status)) return false;
  if (isTerminal(target)) return true;
  if (!payment.lastEventAt || observedAt > payment.lastEventAt) return true;
  return observedAt.getTime() === payment.lastEventAt.getTime() && RANK[target] >= RANK[payment.status];
}

function log(level: "info" | "warn" | "error", msg: string, fields: Record<string, unknown>) {
  processLogger()[level](fields, msg);
}

export async function applyPaymentIntent(tx: Db, intent: IntentSnapshot, context: ApplyContext): Promise<ApplyOutcome> {
  const payment = await lockPayment(tx, intent.id, intent.metadata, context.record);
  if (payment === "duplicate") return "duplicate";
  if (!payment) return "not-ours";
  const target = paymentStatusOf(intent);
  const { observedAt, requestId = null } = context;

  // Terminal and unchanged (a second event about the same success or cancellation): run the
  // order's side again, which is a no-op if it already happened (crash safety).
  if (target === payment.status && (target === PaymentStatus.SUCCEEDED || target === PaymentStatus.CANCELED)) {
    if (target === PaymentStatus.SUCCEEDED) {
      const result = await markOrderPaid(tx, { orderId: payment.orderId, paymentId: payment.id, requestId, locked: payment.order });
      return result === "paid" ? "paid" : result === "already-paid" ? "already-paid" : "refund-required";
    }
    if (context.cancelsOrder !== false) await cancelUnpaidOrder(tx, { orderId: payment.orderId, reason: cancelReasonOf(intent), requestId });
    return "canceled";
  }
  if (!applies(payment, target, observedAt)) return "stale";

  if (target === PaymentStatus.SUCCEEDED) {
    // Locked with the payment, and handed to markOrderPaid.
    const { order } = payment;
    const expectedCurrency = payment.currency.toLowerCase();
    if (
      intent.amount_received !== payment.amountMinor ||
      intent.currency.toLowerCase() !== expectedCurrency ||
      payment.amountMinor !== order.totalMinor ||
      payment.currency !== order.currency
    ) {
      await tx.paymentAmountMismatch.upsert({
        where: { paymentId_receivedMinor_receivedCurrency: { paymentId: payment.id, receivedMinor: intent.amount_received, receivedCurrency: intent.currency } },
        create: {
          paymentId: payment.id,
          providerPaymentId: intent.id,
          expectedMinor: order.totalMinor,
          expectedCurrency: order.currency,
          receivedMinor: intent.amount_received,
          receivedCurrency: intent.currency,
          source: context.source,
        },
        update: {},
      });
      log("error", "payment amount mismatch: not applied to the order", {
        paymentId: payment.id,
        orderId: payment.orderId,
        intent: intent.id,
        expected: `${order.totalMinor} ${order.currency}`,
        received: `${intent.amount_received} ${intent.currency}`,
        source: context.source,
        requestId,
      });
      return "amount-mismatch";
    }
    // The payment's own update goes into the paying statement.
    const succeeded = Prisma.sql`
      UPDATE "Payment" SET status = ${PaymentStatus.SUCCEEDED}::"PaymentStatus", "failureMessage" = NULL, "lastEventAt" = ${later(payment.lastEventAt, observedAt)}, "updatedAt" = now()
       WHERE id = ${payment.id}::uuid`;
    const result = await markOrderPaid(tx, { orderId: payment.orderId, paymentId: payment.id, requestId, locked: order, alsoWrite: succeeded });
    if (result === "not-payable") {
      // The order ended (expired) before the money arrived: it goes back to the shopper.
      await writeOutboxEvent(tx, {
        type: "PaymentRefundRequired",
        aggregateType: "Payment",
        aggregateId: payment.id,
        payload: { paymentId: payment.id, orderId: payment.orderId, reason: "The order was cancelled before the payment arrived." },
        requestId,
      });
      log("warn", "payment succeeded for an order that is no longer payable: refund requested", { paymentId: payment.id, orderId: payment.orderId, requestId });
      return "refund-required";
    }
    return result;
  }

  await tx.payment.update({
    where: { id: payment.id },
    data: {
      status: target,
      lastEventAt: later(payment.lastEventAt, observedAt),
      failureMessage: target === PaymentStatus.FAILED ? (intent.last_payment_error?.message ?? "The payment failed.").slice(0, 500) : null,
    },
  });
  switch (target) {
    case PaymentStatus.FAILED:
      return "failed";
    case PaymentStatus.PROCESSING:
      return "processing";
    case PaymentStatus.CANCELED:
      if (context.cancelsOrder !== false) await cancelUnpaidOrder(tx, { orderId: payment.orderId, reason: cancelReasonOf(intent), requestId });
      return "canceled";
    default:
      return "requires-payment";
  }
}

/** The charge fields a refund report carries. */
export type ChargeSnapshot = Pick<Stripe.Charge, "id" | "amount_refunded" | "metadata"> & {
  payment_intent: string | { id: string } | null;
  refunds?: { data: Pick<Stripe.Refund, "id" | "amount" | "status" | "reason" | "metadata">[] } | null;
};

function refundStatusOf(status: string | null): RefundStatus {
  if (status === "succeeded") return RefundStatus.SUCCEEDED;
  if (status === "failed" || status === "canceled") return RefundStatus.FAILED;
  return RefundStatus.PENDING;
}

/** Records a refund the provider reports, matched to ours by our id in its metadata or by its id. */
export async function recordProviderRefund(tx: Db, paymentId: string, refund: Pick<Stripe.Refund, "id" | "amount" | "status" | "reason" | "metadata">) {
  const status = refundStatusOf(refund.status);
  const ourId = refund.metadata?.refund_id;
  if (ourId && UUID.test(ourId)) {
    const updated = await tx.refund.updateMany({ where: { id: ourId, paymentId }, data: { providerRefundId: refund.id, status } });
    if (updated.count > 0) return;
  }
  await tx.refund.upsert({
    where: { providerRefundId: refund.id },
    create: { paymentId, providerRefundId: refund.id, idempotencyKey: `provider:${refund.id}`, amountMinor: refund.amount, status, reason: refund.reason ?? null },
    update: { status },
  });
}

export async function applyChargeRefunded(tx: Db, charge: ChargeSnapshot, context: ApplyContext): Promise<ApplyOutcome> {
  const intentId = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
  if (!intentId) return context.record && !(await recordEvent(tx, context.record)) ? "duplicate" : "not-ours";
  const payment = await lockPayment(tx, intentId, charge.metadata, context.record);
  if (payment === "duplicate") return "duplicate";
  if (!payment) return "not-ours";
  for (const refund of charge.refunds?.data ?? []) await recordProviderRefund(tx, payment.id, refund);

  const refunded = Math.min(charge.amount_refunded, payment.amountMinor);
  if (refunded <= payment.refundedMinor) return "stale";
  await tx.payment.update({
    where: { id: payment.id },
    data: {
      refundedMinor: refunded,
      status: refunded >= payment.amountMinor ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED,
      lastEventAt: later(payment.lastEventAt, context.observedAt),
    },
  });
  await writeOutboxEvent(tx, {
    type: "PaymentRefunded",
    aggregateType: "Payment",
    aggregateId: payment.id,
    payload: { paymentId: payment.id, orderId: payment.orderId, amountMinor: refunded - payment.refundedMinor },
    requestId: context.requestId ?? null,
  });
  return "refunded";
}

/** Whether the order behind a payment is paid (for callers that report the order's state). */
export async function isOrderPaid(tx: Db, orderId: string): Promise<boolean> {
  const order = await tx.order.findUnique({ where: { id: orderId }, select: { status: true } });
  return order?.status === OrderStatus.PAID || order?.status === OrderStatus.COMPLETED;
}
