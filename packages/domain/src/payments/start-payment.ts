// Starting (or resuming) the payment of an order: exactly one Payment row per order and exactly
// one PaymentIntent at the provider, however many times and however concurrently it is called.
// The row is inserted with ON CONFLICT DO NOTHING on its idempotency key; the PaymentIntent is
// created with the same key as Stripe's Idempotency-Key, so concurrent creations get the same
// intent back; once its id is stored, later calls retrieve it instead (Stripe forgets keys after
// 24 hours). Amount and currency come from the Order row, never from the client.
import { getPrisma, newRowId, OrderStatus, PaymentProvider, Prisma, type Currency, type PaymentStatus } from "@market/db";
import { AppError } from "../errors.ts";
import { paymentStatusOf } from "./apply-provider-state.ts";
import { paymentConfig, type PaymentMode } from "./config.ts";
import { isProviderUnavailable, providerUnavailable } from "./provider-errors.ts";
import { getStripe } from "./stripe-client.ts";

export type PaymentSession = {
  mode: PaymentMode;
  /** Stripe mode: the key the Payment Element is loaded with. */
  publishableKey?: string;
  clientSecret: string;
  paymentIntentId: string;
  amountMinor: number;
  currency: Currency;
  status: PaymentStatus;
};

const PAYMENT_KEY_PREFIX = "order:";
export const paymentIdempotencyKey = (orderId: string) => `${PAYMENT_KEY_PREFIX}${orderId}`;

type PayableOrder = { id: string; number: string; status: OrderStatus; totalMinor: number; currency: Currency };
export type PaymentRow = { id: string; providerPaymentId: string | null; amountMinor: number; currency: Currency; failureMessage: string | null };

export async function startPayment(orderId: string): Promise<PaymentSession> {
  const order = await getPrisma().order.findUnique({ where: { id: orderId }, select: { id: true, number: true, status: true, totalMinor: true, currency: true } });
  return (await openPayment(order)).session;
}

/**
 * The INSERT of the order's one Payment row, or the row already there, for the orders `orders`
 * (an SQL query with the Order columns id, "totalMinor", currency) yields: RETURNING the PaymentRow.
 * Insert-or-read in one statement: the no-op update makes a concurrent caller wait for the first
 * insert and then return that row, so every caller gets the same payment.
 */
export function paymentRowUpsert(orders: Prisma.Sql): Prisma.Sql {
  const provider = paymentConfig().mode === "stripe" ? PaymentProvider.STRIPE : PaymentProvider.SANDBOX;
  return Prisma.sql`
    INSERT INTO "Payment" (id, "orderId", provider, "idempotencyKey", "amountMinor", currency, "createdAt", "updatedAt")
    SELECT ${newRowId()}::uuid, o.id, ${provider}::"PaymentProvider", ${PAYMENT_KEY_PREFIX} || o.id::text, o."totalMinor", o.currency, now(), now() FROM (${orders}) o
    ON CONFLICT ("idempotencyKey") DO UPDATE SET "idempotencyKey" = EXCLUDED."idempotencyKey"
    RETURNING id, "providerPaymentId", "amountMinor", currency::text AS currency, "failureMessage"`;
}

/**
 * startPayment for a caller that has read the order already, with the message of the last
 * declined attempt; `payment` when the caller's read wrote the row too (paymentRowUpsert).
 */
export async function openPayment(order: PayableOrder | null, payment?: PaymentRow): Promise<{ session: PaymentSession; failureMessage: string | null }> {
  if (!order) throw new AppError("NOT_FOUND", "We could not find this order.");
  if (order.status !== OrderStatus.PENDING_PAYMENT) {
    throw new AppError("CONFLICT", order.status === OrderStatus.CANCELLED ? "This order was cancelled, so it cannot be paid." : "This order is already paid.");
  }
  if (!payment) {
    [payment] = await getPrisma().$queryRaw<PaymentRow[]>(paymentRowUpsert(Prisma.sql`SELECT id, "totalMinor", currency FROM "Order" WHERE id = ${order.id}::uuid`));
    if (!payment) throw new Error(`startPayment: no payment row for order ${order.id}`);
  }
  const config = paymentConfig();
  const idempotencyKey = paymentIdempotencyKey(order.id);

  const stripe = getStripe(config);
  let intent;
  try {
    intent = payment.providerPaymentId
      ? await stripe.paymentIntents.retrieve(payment.providerPaymentId)
      : await stripe.paymentIntents.create(
          {
            amount: payment.amountMinor,
            currency: payment.currency.toLowerCase(),
            automatic_payment_methods: { enabled: true },
            description: `Order ${order.number}`,
            metadata: { order_id: order.id, order_number: order.number, payment_id: payment.id },
          },
          { idempotencyKey },
        );
  } catch (error) {
    if (isProviderUnavailable(error)) throw providerUnavailable(error);
    throw error;
  }
  if (!payment.providerPaymentId) {
    // Every concurrent caller got the same intent (same idempotency key): whoever is first stores it.
    await getPrisma().$executeRaw`UPDATE "Payment" SET "providerPaymentId" = ${intent.id}, "updatedAt" = now() WHERE id = ${payment.id}::uuid AND "providerPaymentId" IS NULL`;
  }
  if (!intent.client_secret) throw new Error(`startPayment: PaymentIntent ${intent.id} came without a client secret`);
  const session: PaymentSession = {
    mode: config.mode,
    ...(config.publishableKey ? { publishableKey: config.publishableKey } : {}),
    clientSecret: intent.client_secret,
    paymentIntentId: intent.id,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    status: paymentStatusOf(intent),
  };
  return { session, failureMessage: payment.failureMessage };
}
