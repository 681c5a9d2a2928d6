// Test helpers for the payment code (imported as @market/domain/payments/testing, also by the
// API package's webhook tests): an unpaid order with reserved stock, Stripe-shaped events signed
// like Stripe's, and a local HTTP server that serves the payment sandbox (and, optionally, the
// webhook route) so the real Stripe SDK can be pointed at it.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getPrisma, OrderStatus, type Currency } from "@market/db";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createProduct, createUser, createWarehouse } from "../../testing/shop-fixtures.ts";
import { paymentConfig, SANDBOX_PATH_PREFIX } from "../config.ts";
import { deliverSandboxEvent, handleSandboxRequest } from "../sandbox/index.ts";
import { isDeliveredSandboxEvent } from "../sandbox/events.ts";
import { signStripePayload } from "../stripe-client.ts";
import { processStripeEvent, verifyStripeWebhook } from "../stripe-webhook.ts";

let serial = 0;

/** An order awaiting payment: one line of one unit, its stock reserved (as placeOrder leaves it). */
export async function createPendingOrder({ totalMinor = 249_000, currency = "RUB" as Currency, userId }: { totalMinor?: number; currency?: Currency; userId?: string } = {}) {
  const prisma = getPrisma();
  const owner = userId ?? (await createUser()).id;
  const warehouse = await createWarehouse("Moscow");
  const product = await createProduct({ warehouseId: warehouse.id, variants: [{ size: "M", priceMinor: totalMinor, stock: [{ warehouseId: warehouse.id, onHand: 5, reserved: 1 }] }] });
  const variant = product.variants[0]!;
  const expiresAt = new Date(Date.now() + 15 * 60_000);
  const order = await prisma.order.create({
    data: {
      number: `P-${Date.now().toString(36).toUpperCase()}-${serial++}`,
      userId: owner,
      status: OrderStatus.PENDING_PAYMENT,
      currency,
      subtotalMinor: totalMinor,
      totalMinor,
      deliveryMethod: "PICKUP",
      contactName: "Test Shopper",
      contactPhone: "+70000000000",
      contactEmail: "shopper@example.com",
      idempotencyKey: randomUUID(),
      reservationExpiresAt: expiresAt,
    },
    select: { id: true, number: true, userId: true, totalMinor: true, currency: true },
  });
  const part = await prisma.orderPart.create({ data: { orderId: order.id, sellerId: product.sellerId, warehouseId: warehouse.id, subtotalMinor: totalMinor, currency } });
  const line = await prisma.orderLine.create({
    data: {
      orderId: order.id,
      orderPartId: part.id,
      variantId: variant.id,
      productId: product.id,
      sku: `SKU-${order.number}`,
      title: product.title,
      size: "M",
      unitPriceMinor: totalMinor,
      quantity: 1,
      lineTotalMinor: totalMinor,
      currency,
    },
  });
  await prisma.reservation.create({ data: { orderId: order.id, orderLineId: line.id, variantId: variant.id, warehouseId: warehouse.id, quantity: 1, expiresAt } });
  return { ...order, variantId: variant.id, warehouseId: warehouse.id };
}

/** A Payment row with a provider id, as startPayment leaves it (for tests that only send events). */
export async function createPayment(order: { id: string; totalMinor: number; currency: Currency }, providerPaymentId = `pi_test_${randomUUID().replaceAll("-", "")}`) {
  return getPrisma().payment.create({
    data: { orderId: order.id, provider: "SANDBOX", providerPaymentId, idempotencyKey: `order:${order.id}`, amountMinor: order.totalMinor, currency: order.currency },
  });
}

type IntentFields = {
  id: string;
  status: "succeeded" | "processing" | "requires_payment_method" | "canceled";
  amount: number;
  currency: string;
  metadata?: Record<string, string>;
  lastPaymentError?: { code: string; message: string } | null;
  cancellationReason?: string | null;
};

/** A Stripe event about a PaymentIntent, as Stripe would send it. */
export function paymentIntentEvent(type: string, intent: IntentFields, { id = `evt_${randomUUID().replaceAll("-", "")}`, created = Math.floor(Date.now() / 1000) } = {}) {
  return {
    id,
    object: "event",
    api_version: "2026-10-28.endive",
    created,
    data: {
      object: {
        id: intent.id,
        object: "payment_intent",
        amount: intent.amount,
        amount_received: intent.status === "succeeded" ? intent.amount : 0,
        currency: intent.currency,
        metadata: intent.metadata ?? {},
        status: intent.status,
        last_payment_error: intent.lastPaymentError ? { type: "card_error", ...intent.lastPaymentError } : null,
        cancellation_reason: intent.cancellationReason ?? null,
        client_secret: `${intent.id}_secret_x`,
        created,
        livemode: false,
      },
    },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** Body and Stripe-Signature header for an event, signed with the configured secret (or another). */
export function signedDelivery(event: object, { secret = paymentConfig().webhookSecret, timestamp }: { secret?: string; timestamp?: number } = {}) {
  const body = JSON.stringify(event);
  return { body, signature: signStripePayload(body, secret, timestamp) };
}

/** Verifies and applies an event the way the webhook route does. */
export async function deliverEvent(event: object) {
  const { body, signature } = signedDelivery(event);
  return processStripeEvent(verifyStripeWebhook(body, signature));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export type WebhookReceiver = (delivery: { body: string; signature: string | null }) => Promise<number>;

/** By default the server's webhook route verifies and applies events like the real one. */
const applyWebhook: WebhookReceiver = async ({ body, signature }) => {
  try {
    await processStripeEvent(verifyStripeWebhook(body, signature));
    return 200;
  } catch {
    return 400;
  }
};

export type SandboxServer = { url: string; webhookCalls: number; close(): Promise<void> };

/**
 * Serves the sandbox API (and the webhook route) on an ephemeral local port, and points
 * STOREFRONT_URL at it, so getStripe() and the sandbox's event sender use it.
 */
export async function startSandboxServer({ webhook = applyWebhook }: { webhook?: WebhookReceiver } = {}): Promise<SandboxServer> {
  const state = { webhookCalls: 0 };
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const body = await readBody(request);
    if (url.pathname === "/api/webhooks/stripe") {
      state.webhookCalls++;
      const header = request.headers["stripe-signature"];
      response.writeHead(await webhook({ body, signature: typeof header === "string" ? header : null })).end();
      return;
    }
    if (!url.pathname.startsWith(`${SANDBOX_PATH_PREFIX}/`)) {
      response.writeHead(404).end();
      return;
    }
    const idempotencyKey = request.headers["idempotency-key"];
    const result = await handleSandboxRequest({
      method: request.method ?? "GET",
      path: url.pathname.slice(SANDBOX_PATH_PREFIX.length),
      query: url.searchParams,
      body,
      authorization: request.headers.authorization ?? null,
      idempotencyKey: typeof idempotencyKey === "string" ? idempotencyKey : null,
    });
    response.writeHead(result.status, { "Content-Type": "application/json", ...result.headers }).end(JSON.stringify(result.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const previous = process.env.STOREFRONT_URL;
  process.env.STOREFRONT_URL = url;
  return {
    url,
    get webhookCalls() {
      return state.webhookCalls;
    },
    async close() {
      process.env.STOREFRONT_URL = previous;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Sends every event the sandbox has not delivered yet, oldest first (what the worker does). */
export async function deliverSandboxEvents(): Promise<string[]> {
  const pending = (
    await getPrisma().sandboxEvent.findMany({ where: { deliveredAt: null }, orderBy: [{ created: "asc" }, { id: "asc" }], select: { id: true, type: true } })
  ).filter((event) => isDeliveredSandboxEvent(event.type));
  for (const event of pending) await deliverSandboxEvent(event.id);
  return pending.map((event) => event.type);
}

/**
 * For a test file whose orders are paid through the sandbox: one sandbox server for the file, and
 * each test starting without the undelivered events of earlier tests (as if the worker had sent
 * them), so deliverSandboxEvents() returns this test's own.
 */
export function useSandboxServer(): void {
  let server: SandboxServer | undefined;
  beforeAll(async () => {
    server = await startSandboxServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    await getPrisma().sandboxEvent.updateMany({ where: { deliveredAt: null }, data: { deliveredAt: new Date() } });
  });
}
