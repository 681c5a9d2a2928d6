// The money path through the Stripe SDK, against whichever provider the run is given: Stripe
// itself in test mode when STRIPE_TEST_SECRET_KEY and STRIPE_TEST_PUBLISHABLE_KEY are set
// (`pnpm test:stripe`; it needs to reach api.stripe.com), the payment sandbox otherwise (every
// `pnpm test`). The same assertions either way: this is how to check that what the sandbox
// taught the code holds for the real provider.
import { randomBytes } from "node:crypto";
import { getPrisma } from "@market/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcilePayment } from "./reconcile.ts";
import { startPayment } from "./start-payment.ts";
import { getStripe, type Stripe } from "./stripe-client.ts";
import { createPendingOrder, deliverEvent, useSandboxServer } from "./testing/index.ts";

const stripeKeys = { secret: process.env.STRIPE_TEST_SECRET_KEY?.trim(), publishable: process.env.STRIPE_TEST_PUBLISHABLE_KEY?.trim() };
const againstStripe = Boolean(stripeKeys.secret);
if (!againstStripe && process.env.npm_lifecycle_event === "test:stripe") {
  throw new Error("`pnpm test:stripe` runs against Stripe's test mode: set STRIPE_TEST_SECRET_KEY=sk_test_… and STRIPE_TEST_PUBLISHABLE_KEY=pk_test_… (Stripe Dashboard → Developers → API keys, test mode).");
}
if (againstStripe && (!stripeKeys.secret!.startsWith("sk_test_") || !stripeKeys.publishable?.startsWith("pk_test_"))) {
  throw new Error("STRIPE_TEST_SECRET_KEY and STRIPE_TEST_PUBLISHABLE_KEY must both be test-mode keys (sk_test_…, pk_test_…): this suite creates and pays PaymentIntents.");
}

if (againstStripe) {
  const previous = { ...process.env };
  beforeAll(() => {
    process.env.STRIPE_SECRET_KEY = stripeKeys.secret;
    process.env.STRIPE_PUBLISHABLE_KEY = stripeKeys.publishable;
    // Events are fetched from Stripe's API and signed here: no webhook endpoint is needed.
    process.env.STRIPE_WEBHOOK_SECRET = `whsec_${randomBytes(24).toString("hex")}`;
  });
  afterAll(() => {
    for (const name of ["STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET"]) {
      if (previous[name] === undefined) delete process.env[name];
      else process.env[name] = previous[name];
    }
  });
} else {
  useSandboxServer();
}

const RETURN_URL = "https://shop.example.com/orders";
const confirmWith = (intentId: string, paymentMethod: string) => getStripe().paymentIntents.confirm(intentId, { payment_method: paymentMethod, return_url: RETURN_URL });

/** The provider's own event of `type` about the intent, as its webhook would carry it. */
async function providerEvent(intentId: string, type: string): Promise<Stripe.Event> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const found = againstStripe
      ? (await getStripe().events.list({ type, limit: 20 })).data.find((event) => (event.data.object as { id?: string }).id === intentId)
      : ((await getPrisma().sandboxEvent.findMany({ where: { type } })).map((row) => row.payload as unknown as Stripe.Event).find((event) => (event.data.object as { id?: string }).id === intentId));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 500)); // Stripe lists an event a moment after the change
  }
  throw new Error(`no ${type} event about ${intentId} at the provider`);
}

const orderOf = (id: string) => getPrisma().order.findUniqueOrThrow({ where: { id }, select: { status: true } });
const paymentsOf = (orderId: string) => getPrisma().payment.findMany({ where: { orderId } });

describe(`payments against ${againstStripe ? "Stripe (test mode)" : "the payment sandbox"}`, () => {
  it("creates one PaymentIntent per order however often and however concurrently the payment is opened, with the order's amount, currency and id", async () => {
    const order = await createPendingOrder({ totalMinor: 249_000 });
    const sessions = await Promise.all(Array.from({ length: 5 }, () => startPayment(order.id)));
    expect(new Set(sessions.map((session) => session.paymentIntentId)).size).toBe(1);
    const intent = await getStripe().paymentIntents.retrieve(sessions[0]!.paymentIntentId);
    expect(intent).toMatchObject({ amount: 249_000, currency: "rub", status: "requires_payment_method", metadata: { order_id: order.id, order_number: order.number } });
    expect(await paymentsOf(order.id)).toMatchObject([{ providerPaymentId: intent.id, amountMinor: 249_000, currency: "RUB" }]);
  });

  it("pays the order from the provider's own payment_intent.succeeded event, once", async () => {
    const order = await createPendingOrder();
    const { paymentIntentId } = await startPayment(order.id);
    expect((await confirmWith(paymentIntentId, "pm_card_visa")).status).toBe("succeeded");

    const event = await providerEvent(paymentIntentId, "payment_intent.succeeded");
    expect(await deliverEvent(event)).toBe("paid");
    expect(await deliverEvent(event)).toBe("duplicate");
    expect(await orderOf(order.id)).toEqual({ status: "PAID" });
    expect(await getPrisma().outboxEvent.count({ where: { type: "OrderPaid", aggregateId: order.id } })).toBe(1);
  });

  it("leaves the order payable after a declined card, and the retry on the same intent pays it", async () => {
    const order = await createPendingOrder();
    const { paymentIntentId } = await startPayment(order.id);
    await expect(confirmWith(paymentIntentId, "pm_card_chargeDeclined")).rejects.toMatchObject({ code: "card_declined" });
    expect(await reconcilePayment(order.id)).toBe("unpaid");
    expect(await paymentsOf(order.id)).toMatchObject([{ status: "FAILED" }]);
    expect(await orderOf(order.id)).toEqual({ status: "PENDING_PAYMENT" });

    expect((await startPayment(order.id)).paymentIntentId).toBe(paymentIntentId);
    expect((await confirmWith(paymentIntentId, "pm_card_visa")).status).toBe("succeeded");
    expect(await reconcilePayment(order.id)).toBe("paid");
    expect(await orderOf(order.id)).toEqual({ status: "PAID" });
  });
});
