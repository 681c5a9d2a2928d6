// The payment sandbox, through the official Stripe SDK (as the app uses it) and through plain
// HTTP (as the pay page's card form uses it).
import { getPrisma } from "@market/db";
import { Logger, runOnce } from "graphile-worker";
import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { paymentConfig } from "./config.ts";
import { paymentTaskList } from "./index.ts";
import { getStripe } from "./stripe-client.ts";
import { startSandboxServer, type SandboxServer, type WebhookReceiver } from "./testing/index.ts";

const quiet = new Logger(() => () => undefined);
const work = () => runOnce({ connectionString: process.env.DATABASE_URL!, taskList: paymentTaskList, logger: quiet });
const jobs = () => getPrisma().$queryRaw<{ task_identifier: string; attempts: number; last_error: string | null }[]>`
  SELECT task_identifier, attempts, last_error FROM graphile_worker.jobs ORDER BY id`;

let server: SandboxServer;
beforeEach(async () => {
  await getPrisma().$executeRaw`DELETE FROM graphile_worker._private_jobs`;
  await getPrisma().sandboxEvent.deleteMany();
});
afterEach(async () => {
  await server?.close();
  delete process.env.PAYMENT_SANDBOX_PROCESSING_SECONDS;
});

async function confirmFromBrowser(intent: Stripe.PaymentIntent, card: { number: string; exp_month?: string; exp_year?: string; cvc?: string }) {
  const body = new URLSearchParams({
    client_secret: intent.client_secret!,
    "payment_method_data[type]": "card",
    "payment_method_data[card][number]": card.number,
    "payment_method_data[card][exp_month]": card.exp_month ?? "12",
    "payment_method_data[card][exp_year]": card.exp_year ?? "34",
    "payment_method_data[card][cvc]": card.cvc ?? "123",
  });
  const response = await fetch(`${server.url}/api/payment-sandbox/v1/payment_intents/${intent.id}/confirm`, { method: "POST", body });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const createIntent = (params: Partial<Stripe.PaymentIntentCreateParams> = {}, options?: Stripe.RequestOptions) =>
  getStripe().paymentIntents.create({ amount: 249_000, currency: "rub", metadata: { order_id: "o-1" }, ...params }, options);

describe("the payment sandbox", () => {
  it("creates, confirms and retrieves PaymentIntents through the Stripe SDK, in Stripe's shapes", async () => {
    server = await startSandboxServer();
    const created = await createIntent({ description: "Order M-1" });
    expect(created).toMatchObject({ object: "payment_intent", amount: 249_000, currency: "rub", status: "requires_payment_method", metadata: { order_id: "o-1" }, livemode: false });
    expect(created.id).toMatch(/^pi_[A-Za-z0-9]{24}$/);
    expect(created.client_secret).toMatch(new RegExp(`^${created.id}_secret_`));

    const paid = await getStripe().paymentIntents.confirm(created.id, { payment_method: "pm_card_visa" });
    expect(paid).toMatchObject({ status: "succeeded", amount_received: 249_000, last_payment_error: null });
    expect(paid.latest_charge).toMatch(/^ch_/);
    expect(await getStripe().paymentIntents.retrieve(created.id)).toMatchObject({ id: created.id, status: "succeeded" });

    await expect(getStripe().paymentIntents.retrieve("pi_missing")).rejects.toMatchObject({ type: "StripeInvalidRequestError", code: "resource_missing", statusCode: 404 });
    await expect(createIntent({ amount: 0 })).rejects.toMatchObject({ type: "StripeInvalidRequestError", param: "amount" });
  });

  it("honours Idempotency-Key like Stripe: the same key gives the same answer, other parameters are refused", async () => {
    server = await startSandboxServer();
    const before = await getPrisma().sandboxPaymentIntent.count();
    const first = await createIntent({}, { idempotencyKey: "order:one" });
    const again = await createIntent({}, { idempotencyKey: "order:one" });
    expect(again.id).toBe(first.id);
    expect(again.client_secret).toBe(first.client_secret);
    await expect(createIntent({ amount: 1 }, { idempotencyKey: "order:one" })).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);

    // Ten at once with one key: one intent, the others wait for it and replay its answer.
    const many = await Promise.all(Array.from({ length: 10 }, () => createIntent({}, { idempotencyKey: "order:two" })));
    expect(new Set(many.map((intent) => intent.id)).size).toBe(1);
    expect(await getPrisma().sandboxPaymentIntent.count()).toBe(before + 2);

    // After 24 hours a key is forgotten: it may be used again, with other parameters too.
    await getPrisma().sandboxIdempotentRequest.update({ where: { key: "order:one" }, data: { created: new Date(Date.now() - 25 * 3_600_000) } });
    const reused = await createIntent({ amount: 1 }, { idempotencyKey: "order:one" });
    expect(reused).toMatchObject({ amount: 1 });
    expect(reused.id).not.toBe(first.id);
    expect((await createIntent({ amount: 1 }, { idempotencyKey: "order:one" })).id).toBe(reused.id);

    const raw = (key: string) =>
      fetch(`${server.url}/api/payment-sandbox/v1/payment_intents`, {
        method: "POST",
        headers: { Authorization: `Bearer ${paymentConfig().secretKey}`, "Idempotency-Key": key, "Content-Type": "application/x-www-form-urlencoded" },
        body: "amount=500&currency=usd",
      });
    const a = await raw("raw-key");
    const b = await raw("raw-key");
    expect(b.headers.get("idempotent-replayed")).toBe("true");
    expect(await b.json()).toEqual(await a.json());
  });

  it("refuses requests without the sandbox's key, and answers unknown paths with Stripe's error", async () => {
    server = await startSandboxServer();
    const noKey = await fetch(`${server.url}/api/payment-sandbox/v1/payment_intents`, { method: "POST", body: "amount=1&currency=usd" });
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ error: { type: "invalid_request_error", message: expect.stringContaining("You did not provide an API key") } });
    const wrongKey = await fetch(`${server.url}/api/payment-sandbox/v1/payment_intents`, { method: "POST", headers: { Authorization: "Bearer sk_test_wrongwrongwrong1234" }, body: "amount=1&currency=usd" });
    expect(wrongKey.status).toBe(401);
    expect(await wrongKey.json()).toMatchObject({ error: { message: "Invalid API Key provided: sk_test_****1234" } });
    // The browser may confirm with the client secret, but not create or cancel.
    const cancel = await fetch(`${server.url}/api/payment-sandbox/v1/payment_intents/pi_x/cancel`, { method: "POST", body: "client_secret=pi_x_secret_y" });
    expect(cancel.status).toBe(401);
    const unknown = await fetch(`${server.url}/api/payment-sandbox/v1/customers`, { headers: { Authorization: `Bearer ${paymentConfig().secretKey}` } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { type: "invalid_request_error", message: expect.stringContaining("Unrecognized request URL") } });
  });

  it("declines 4000 0000 0000 0002 with a card error, and the same intent can then be paid with another card", async () => {
    server = await startSandboxServer();
    const intent = await createIntent();
    const declined = await confirmFromBrowser(intent, { number: "4000 0000 0000 0002" });
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({ type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." });
    expect(declined.body.error.payment_intent).toMatchObject({ id: intent.id, status: "requires_payment_method", last_payment_error: { code: "card_declined" } });

    // A mistyped number is refused before any charge: no event, the intent unchanged.
    const mistyped = await confirmFromBrowser(intent, { number: "4242 4242 4242 4241" });
    expect(mistyped).toMatchObject({ status: 402, body: { error: { code: "incorrect_number" } } });
    const wrongSecret = await fetch(`${server.url}/api/payment-sandbox/v1/payment_intents/${intent.id}/confirm`, {
      method: "POST",
      body: new URLSearchParams({ client_secret: `${intent.id}_secret_guess`, payment_method: "pm_card_visa" }),
    });
    expect(wrongSecret.status).toBe(400);

    const paid = await confirmFromBrowser(intent, { number: "4242424242424242" });
    expect(paid).toMatchObject({ status: 200, body: { status: "succeeded", last_payment_error: null, amount_received: 249_000 } });
    const again = await confirmFromBrowser(intent, { number: "4242424242424242" });
    expect(again).toMatchObject({ status: 400, body: { error: { code: "payment_intent_unexpected_state" } } });

    const events = await getPrisma().sandboxEvent.findMany({ orderBy: { created: "asc" }, select: { type: true } });
    expect(events.map((e) => e.type)).toEqual(["payment_intent.created", "payment_intent.payment_failed", "payment_intent.succeeded"]);
  });

  it("keeps the slow card processing, then succeeds when its time comes", async () => {
    process.env.PAYMENT_SANDBOX_PROCESSING_SECONDS = "60";
    server = await startSandboxServer({ webhook: async () => 200 });
    const intent = await createIntent();
    const processing = await confirmFromBrowser(intent, { number: "4000000000003220" });
    expect(processing.body.status).toBe("processing");
    expect(await getStripe().paymentIntents.retrieve(intent.id)).toMatchObject({ status: "processing" });
    // The settling job is due in 60 s; bring it forward.
    await getPrisma().$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;
    await getPrisma().sandboxPaymentIntent.update({ where: { id: intent.id }, data: { settlesAt: new Date() } });
    await work();
    expect(await getStripe().paymentIntents.retrieve(intent.id)).toMatchObject({ status: "succeeded", amount_received: 249_000 });
    const types = (await getPrisma().sandboxEvent.findMany({ orderBy: { created: "asc" } })).map((e) => e.type);
    expect(types).toEqual(["payment_intent.created", "payment_intent.processing", "payment_intent.succeeded"]);
  });

  it("cancels open intents only, and refunds succeeded ones up to the amount received", async () => {
    server = await startSandboxServer();
    const open = await createIntent();
    expect(await getStripe().paymentIntents.cancel(open.id, { cancellation_reason: "abandoned" })).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" });
    await expect(getStripe().paymentIntents.cancel(open.id)).rejects.toMatchObject({ code: "payment_intent_unexpected_state" });

    const paid = await createIntent();
    await getStripe().paymentIntents.confirm(paid.id, { payment_method: "pm_card_visa" });
    await expect(getStripe().paymentIntents.cancel(paid.id)).rejects.toMatchObject({ code: "payment_intent_unexpected_state" });
    const part = await getStripe().refunds.create({ payment_intent: paid.id, amount: 49_000 }, { idempotencyKey: "refund-1" });
    expect(part).toMatchObject({ object: "refund", amount: 49_000, status: "succeeded", payment_intent: paid.id });
    expect((await getStripe().refunds.create({ payment_intent: paid.id, amount: 49_000 }, { idempotencyKey: "refund-1" })).id).toBe(part.id);
    await expect(getStripe().refunds.create({ payment_intent: paid.id, amount: 300_000 })).rejects.toMatchObject({ code: "amount_too_large" });
    const rest = await getStripe().refunds.create({ payment_intent: paid.id });
    expect(rest.amount).toBe(200_000);
    await expect(getStripe().refunds.create({ payment_intent: paid.id })).rejects.toMatchObject({ code: "charge_already_refunded" });
    expect(await getStripe().refunds.retrieve(rest.id)).toMatchObject({ id: rest.id, amount: 200_000 });

    const refunded = await getPrisma().sandboxEvent.findMany({ where: { type: "charge.refunded" }, orderBy: { created: "asc" } });
    const charges = refunded.map((e) => (e.payload as unknown as { data: { object: Stripe.Charge } }).data.object);
    expect(charges.map((c) => [c.amount_refunded, c.refunded])).toEqual([[49_000, false], [249_000, true]]);
    expect(charges[1]!.payment_intent).toBe(paid.id);
  });

  it("signs its events so the Stripe SDK verifies them, and retries a failed delivery later", async () => {
    const received: Stripe.Event[] = [];
    let failNext = true;
    const webhook: WebhookReceiver = async ({ body, signature }) => {
      if (failNext) {
        failNext = false;
        return 503;
      }
      received.push(Stripe.webhooks.constructEvent(body, signature ?? "", paymentConfig().webhookSecret));
      return 200;
    };
    server = await startSandboxServer({ webhook });
    const intent = await createIntent();
    await getPrisma().$executeRaw`DELETE FROM graphile_worker._private_jobs`; // only the next event's job
    await getStripe().paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });

    await work();
    const [failed] = await jobs();
    expect(failed).toMatchObject({ task_identifier: "payment-sandbox.deliver-event", attempts: 1, last_error: expect.stringContaining("HTTP 503") });
    expect(await getPrisma().sandboxEvent.findFirstOrThrow({ where: { type: "payment_intent.succeeded" } })).toMatchObject({ attempts: 1, deliveredAt: null });

    // graphile-worker scheduled the retry with backoff; run it now.
    await getPrisma().$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;
    await work();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ type: "payment_intent.succeeded", data: { object: { id: intent.id, status: "succeeded", amount: 249_000, currency: "rub", metadata: { order_id: "o-1" } } } });
    expect(received[0]!.created).toBeGreaterThan(0);
    expect(await jobs()).toEqual([]);
    expect(await getPrisma().sandboxEvent.findFirstOrThrow({ where: { type: "payment_intent.succeeded" } })).toMatchObject({ attempts: 2, deliveredAt: expect.any(Date) });
  });
});
