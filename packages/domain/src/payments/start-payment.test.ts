import { getPrisma } from "@market/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPaymentPage, getPaymentProgress } from "./payment-page.ts";
import { startPayment } from "./start-payment.ts";
import { createPendingOrder, startSandboxServer, type SandboxServer } from "./testing/index.ts";

let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer();
});
afterAll(async () => {
  await server.close();
});

describe("starting a payment", () => {
  it("makes one Payment and one PaymentIntent however many times it is called at once", async () => {
    const order = await createPendingOrder({ totalMinor: 199_900 });
    const sessions = await Promise.all(Array.from({ length: 10 }, () => startPayment(order.id)));
    expect(new Set(sessions.map((s) => s.paymentIntentId)).size).toBe(1);
    expect(new Set(sessions.map((s) => s.clientSecret)).size).toBe(1);
    expect(sessions[0]).toMatchObject({ mode: "sandbox", amountMinor: 199_900, currency: "RUB", status: "REQUIRES_PAYMENT" });
    expect(sessions[0]!.publishableKey).toBeUndefined();

    const payments = await getPrisma().payment.findMany({ where: { orderId: order.id } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ provider: "SANDBOX", providerPaymentId: sessions[0]!.paymentIntentId, amountMinor: 199_900, idempotencyKey: `order:${order.id}` });
    const intents = await getPrisma().sandboxPaymentIntent.findMany({ where: { metadata: { path: ["order_id"], equals: order.id } } });
    expect(intents).toHaveLength(1);
    expect(intents[0]).toMatchObject({ amount: 199_900, currency: "rub", metadata: { order_id: order.id, order_number: order.number, payment_id: payments[0]!.id } });

    // Later calls resume the same intent.
    expect((await startPayment(order.id)).paymentIntentId).toBe(sessions[0]!.paymentIntentId);
  });

  it("opens one payment when the pay page is loaded many times at once", async () => {
    const order = await createPendingOrder({ totalMinor: 7_500 });
    const pages = await Promise.all(Array.from({ length: 10 }, () => getPaymentPage(order.userId, order.number)));
    expect(new Set(pages.map((page) => page.session?.paymentIntentId)).size).toBe(1);
    expect(pages[0]!.session).toMatchObject({ amountMinor: 7_500, currency: "RUB" });
    expect(await getPrisma().payment.findMany({ where: { orderId: order.id } })).toMatchObject([{ providerPaymentId: pages[0]!.session!.paymentIntentId, amountMinor: 7_500 }]);
    expect(await getPrisma().sandboxPaymentIntent.count({ where: { metadata: { path: ["order_id"], equals: order.id } } })).toBe(1);
  });

  it("refuses orders that are no longer awaiting payment", async () => {
    const order = await createPendingOrder();
    await getPrisma().order.update({ where: { id: order.id }, data: { status: "PAID", paidAt: new Date() } });
    await expect(startPayment(order.id)).rejects.toMatchObject({ code: "CONFLICT", message: "This order is already paid." });
    await getPrisma().order.update({ where: { id: order.id }, data: { status: "CANCELLED" } });
    await expect(startPayment(order.id)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("cancelled") });
  });

  it("shows the pay page to the order's owner only, with a session while payment is awaited", async () => {
    const order = await createPendingOrder({ totalMinor: 5_000 });
    // Someone else asking first starts nothing.
    const stranger = await createPendingOrder();
    await expect(getPaymentPage(stranger.userId, order.number)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getPrisma().payment.count({ where: { orderId: order.id } })).toBe(0);

    const page = await getPaymentPage(order.userId, order.number);
    expect(page).toMatchObject({ number: order.number, status: "PENDING_PAYMENT", totalMinor: 5_000, currency: "RUB", lines: [{ quantity: 1, lineTotalMinor: 5_000 }] });
    expect(page.session?.clientSecret).toBeTruthy();
    expect(page.testCards.map((c) => c.number)).toContain("4242424242424242");
    await expect(getPaymentPage(stranger.userId, order.number)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPaymentProgress(stranger.userId, order.number)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getPaymentProgress(order.userId, order.number)).toEqual({ orderStatus: "PENDING_PAYMENT", paymentStatus: "REQUIRES_PAYMENT", failureMessage: null });

    await getPrisma().order.update({ where: { id: order.id }, data: { status: "PAID" } });
    expect(await getPaymentPage(order.userId, order.number)).toMatchObject({ status: "PAID", session: null, testCards: [] });
  });

  it("says the payment service is unreachable rather than failing obscurely", async () => {
    const order = await createPendingOrder();
    const previous = process.env.STOREFRONT_URL;
    process.env.STOREFRONT_URL = "http://127.0.0.1:9"; // nothing listens there
    try {
      await expect(startPayment(order.id)).rejects.toMatchObject({ code: "UNAVAILABLE", message: expect.stringContaining("payment service") });
    } finally {
      process.env.STOREFRONT_URL = previous;
    }
  });
});
