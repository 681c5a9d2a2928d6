// Starting (or resuming) the payment of an order: exactly one Payment row per order and exactly
// one PaymentIntent at the provider, however many times and however concurrently it is called.
// The row is inserted with ON CONFLICT DO NOTHING on its idempotency key; the PaymentIntent is
// created with the same key as Stripe's Idempotency-Key, so concurrent creations get the same
// intent back; once its id is stored, later calls retrieve it instead (Stripe forgets keys after
// 24 hours). Amount and currency come from the Order row, never from the client.
import { getPrisma, OrderStatus, PaymentProvider, type Currency, type PaymentStatus } from "@market/db";
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

export const paymentIdempotencyKey = (orderId: string) => `order:${orderId}`;

export async function startPayment(orderId: string): Promise<PaymentSession> {
  const prisma = getPrisma();
  const order = await prisma.order.findUnique({ where: { id: orderId }, select: { id: true, number: true, status: true, totalMinor: true, currency: true } });
  if (!order) throw new AppError("NOT_FOUND", "We could not find this order.");
  if (order.status !== OrderStatus.PENDING_PAYMENT) {
    throw new AppError("CONFLICT", order.status === OrderStatus.CANCELLED ? "This order was cancelled, so it cannot be paid." : "This order is already paid.");
  }
  const config = paymentConfig();
  const idempotencyKey = paymentIdempotencyKey(order.id);
  await prisma.payment.createMany({
    data: [{
      orderId: order.id,
      provider: config.mode === "stripe" ? PaymentProvider.STRIPE : PaymentProvider.SANDBOX,
      idempotencyKey,
      amountMinor: order.totalMinor,
      currency: order.currency,
    }],
    skipDuplicates: true,
  });
  const payment = await prisma.payment.findUniqueOrThrow({ where: { idempotencyKey } });

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
    await prisma.payment.updateMany({ where: { id: payment.id, providerPaymentId: null }, data: { providerPaymentId: intent.id } });
  }
  if (!intent.client_secret) throw new Error(`startPayment: PaymentIntent ${intent.id} came without a client secret`);
  return {
    mode: config.mode,
    ...(config.publishableKey ? { publishableKey: config.publishableKey } : {}),
    clientSecret: intent.client_secret,
    paymentIntentId: intent.id,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    status: paymentStatusOf(intent),
  };
}
