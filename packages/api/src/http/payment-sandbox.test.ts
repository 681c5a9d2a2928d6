// The storefront's two payment routes together, on a local HTTP server, as the browser, the
// Stripe SDK and the sandbox's webhook sender use them: pay page confirms with a declined card,
// then a good one; the sandbox's signed events reach the webhook route; the order is paid.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { disconnectPrisma, getPrisma } from "@market/db";
import { migrateJobQueue } from "@market/db/job-queue";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { startPayment } from "@market/domain/payments";
import { createPendingOrder, deliverSandboxEvents } from "@market/domain/payments/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPaymentSandboxHandler } from "./payment-sandbox.ts";
import { createStripeWebhookHandler } from "./stripe-webhook.ts";

let database: FreshDatabase;
let server: Server;
let origin: string;

beforeAll(async () => {
  database = await createFreshDatabase({ label: "api_sandbox" });
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
  const sandbox = createPaymentSandboxHandler();
  const webhook = createStripeWebhookHandler({ log: () => undefined });
  // What Next.js does for the two route files: a fetch Request in, a Response out.
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(new URL(req.url!, origin), {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])),
      body: req.method === "GET" ? undefined : Buffer.concat(chunks),
    });
    const handler = request.url.includes("/api/webhooks/stripe") ? webhook : sandbox;
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.STOREFRONT_URL = origin;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await disconnectPrisma();
  await database?.drop();
});

const confirm = (paymentIntentId: string, clientSecret: string, number: string) =>
  fetch(`${origin}/api/payment-sandbox/v1/payment_intents/${paymentIntentId}/confirm`, {
    method: "POST",
    body: new URLSearchParams({
      client_secret: clientSecret,
      "payment_method_data[type]": "card",
      "payment_method_data[card][number]": number,
      "payment_method_data[card][exp_month]": "12",
      "payment_method_data[card][exp_year]": "2040",
      "payment_method_data[card][cvc]": "123",
    }),
  });

describe("payment sandbox and webhook routes", () => {
  it("take a shopper from a declined card to a paid order", async () => {
    const order = await createPendingOrder({ totalMinor: 12_345 });
    const session = await startPayment(order.id);

    const declined = await confirm(session.paymentIntentId, session.clientSecret, "4000000000000002");
    expect(declined.status).toBe(402);
    expect(await declined.json()).toMatchObject({ error: { type: "card_error", code: "card_declined" } });
    await deliverSandboxEvents();
    expect(await getPrisma().payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "FAILED", failureMessage: "Your card was declined." });
    expect((await getPrisma().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING_PAYMENT");

    const paid = await confirm(session.paymentIntentId, session.clientSecret, "4242 4242 4242 4242");
    expect(paid.status).toBe(200);
    expect(await deliverSandboxEvents()).toEqual(["payment_intent.succeeded"]);
    expect((await getPrisma().order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
    expect(await getPrisma().payment.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "SUCCEEDED", failureMessage: null });
    expect(await getPrisma().processedWebhookEvent.count()).toBe(2); // payment_failed, succeeded (payment_intent.created is not subscribed)
  });

  it("is not served when the installation uses Stripe", async () => {
    Object.assign(process.env, { STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_PUBLISHABLE_KEY: "pk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc" });
    try {
      const response = await fetch(`${origin}/api/payment-sandbox/v1/payment_intents/pi_1`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { message: expect.stringContaining("sandbox is off") } });
    } finally {
      for (const name of ["STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET"]) delete process.env[name];
    }
  });
});
