// Test helpers for fulfilment (imported as @market/domain/fulfilment/testing, also by the API
// package's webhook tests): a paid order whose parts sit in marketplace or seller warehouses, a
// warehouse event signed like the warehouse's, and a local stand-in for the warehouse system
// that checks signatures and keeps one pick task per Idempotency-Key, like the real one must.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getPrisma, WarehouseKind, type DeliveryMethod } from "@market/db";
import { markOrderPaid } from "../../checkout/index.ts";
import { createPickupPoint, createProduct, createSeller, createUser } from "../../testing/shop-fixtures.ts";
import { warehouseConfig } from "../config.ts";
import { pickRequestSchema, signWarehousePayload, verifyWarehouseSignature, type PickRequest, type WarehouseStatus } from "../warehouse-contract.ts";

let serial = 0;
const next = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;

export type PartSpec = {
  kind?: WarehouseKind;
  /** One line per entry, each its own variant. */
  lines?: { quantity?: number; shelfLocation?: string | null; size?: string; color?: string; priceMinor?: number }[];
};

export type TestOrder = {
  orderId: string;
  number: string;
  userId: string;
  parts: { id: string; sellerId: string; sellerName: string; warehouseCode: string; kind: WarehouseKind; lines: { sku: string; variantId: string; quantity: number; shelfLocation: string | null }[] }[];
};

/**
 * An order awaiting payment with one part per spec (each from its own seller and warehouse), its
 * stock reserved, as placeOrder leaves it. Default: one marketplace part of one line.
 */
export async function createUnpaidOrder({ parts = [{}], deliveryMethod = "PICKUP" }: { parts?: PartSpec[]; deliveryMethod?: DeliveryMethod } = {}): Promise<TestOrder> {
  const prisma = getPrisma();
  const user = await createUser("Anna Petrova");
  const point = deliveryMethod === "PICKUP" ? await createPickupPoint("Moscow", 2) : null;
  const built: TestOrder["parts"] = [];
  const pending: { sellerId: string; warehouseId: string; lines: { variantId: string; productId: string; sku: string; title: string; size: string | null; color: string | null; priceMinor: number; quantity: number }[] }[] = [];

  for (const spec of parts) {
    const kind = spec.kind ?? WarehouseKind.MARKETPLACE;
    const seller = await createSeller();
    const n = next();
    const warehouse = await prisma.warehouse.create({
      data: { code: `WH-${n}`, name: `Hub ${n}`, kind, sellerId: kind === WarehouseKind.SELLER ? seller.id : null, city: "Moscow", address: "Moscow, Street 1" },
    });
    const lines = spec.lines ?? [{}];
    const product = await createProduct({
      sellerId: seller.id,
      warehouseId: warehouse.id,
      variants: lines.map((line, i) => ({ size: line.size ?? ["S", "M", "L", "XL"][i % 4]!, color: line.color ?? "Black", priceMinor: line.priceMinor ?? 199_000, stock: [{ warehouseId: warehouse.id, onHand: 10, reserved: line.quantity ?? 1 }] })),
    });
    const variants = await prisma.productVariant.findMany({ where: { productId: product.id }, orderBy: { position: "asc" }, select: { id: true, sku: true, size: true, color: true, priceMinor: true } });
    const partLines = [];
    for (const [i, line] of lines.entries()) {
      const variant = variants[i]!;
      const shelfLocation = line.shelfLocation === undefined ? `A-${String(i + 1).padStart(2, "0")}-${n.slice(-3)}` : line.shelfLocation;
      await prisma.stock.update({ where: { variantId_warehouseId: { variantId: variant.id, warehouseId: warehouse.id } }, data: { shelfLocation } });
      partLines.push({ variantId: variant.id, productId: product.id, sku: variant.sku, title: product.title, size: variant.size, color: variant.color, priceMinor: variant.priceMinor, quantity: line.quantity ?? 1, shelfLocation });
    }
    pending.push({ sellerId: seller.id, warehouseId: warehouse.id, lines: partLines });
    built.push({ id: "", sellerId: seller.id, sellerName: seller.name, warehouseCode: warehouse.code, kind, lines: partLines.map(({ sku, variantId, quantity, shelfLocation }) => ({ sku, variantId, quantity, shelfLocation })) });
  }

  const total = pending.flatMap((part) => part.lines).reduce((sum, line) => sum + line.priceMinor * line.quantity, 0);
  const expiresAt = new Date(Date.now() + 15 * 60_000);
  const order = await prisma.order.create({
    data: {
      number: `F-${next().toUpperCase()}`,
      userId: user.id,
      currency: "RUB",
      subtotalMinor: total,
      totalMinor: total,
      deliveryMethod,
      pickupPointId: point?.id ?? null,
      deliveryAddress: deliveryMethod === "COURIER" ? { city: "Moscow", street: "Tverskaya 1", apartment: "12", postcode: "125009", comment: "" } : undefined,
      contactName: "Anna Petrova",
      contactPhone: "+79001234567",
      contactEmail: "anna@example.com",
      idempotencyKey: randomUUID(),
      reservationExpiresAt: expiresAt,
    },
    select: { id: true, number: true },
  });
  for (const [i, spec] of pending.entries()) {
    const part = await prisma.orderPart.create({
      data: { orderId: order.id, sellerId: spec.sellerId, warehouseId: spec.warehouseId, subtotalMinor: spec.lines.reduce((sum, line) => sum + line.priceMinor * line.quantity, 0), currency: "RUB" },
    });
    built[i]!.id = part.id;
    for (const line of spec.lines) {
      const row = await prisma.orderLine.create({
        data: {
          orderId: order.id,
          orderPartId: part.id,
          variantId: line.variantId,
          productId: line.productId,
          sku: line.sku,
          title: line.title,
          size: line.size,
          color: line.color,
          unitPriceMinor: line.priceMinor,
          quantity: line.quantity,
          lineTotalMinor: line.priceMinor * line.quantity,
          currency: "RUB",
        },
      });
      await prisma.reservation.create({ data: { orderId: order.id, orderLineId: row.id, variantId: line.variantId, warehouseId: spec.warehouseId, quantity: line.quantity, expiresAt } });
    }
  }
  return { orderId: order.id, number: order.number, userId: user.id, parts: built };
}

/** createUnpaidOrder, then paid as the payment webhook pays it (OrderPaid goes to the outbox). */
export async function createPaidOrder(options: Parameters<typeof createUnpaidOrder>[0] = {}): Promise<TestOrder & { paymentId: string }> {
  const order = await createUnpaidOrder(options);
  const paymentId = randomUUID();
  await getPrisma().$transaction((tx) => markOrderPaid(tx, { orderId: order.orderId, paymentId }));
  return { ...order, paymentId };
}

export type WarehouseEventInput = { eventId?: string; orderId: string; status: WarehouseStatus; occurredAt?: Date | string; trackingNumber?: string };

export function warehouseEvent({ eventId = `wh_evt_${randomUUID()}`, orderId, status, occurredAt = new Date(), trackingNumber }: WarehouseEventInput) {
  return { eventId, orderId, status, occurredAt: typeof occurredAt === "string" ? occurredAt : occurredAt.toISOString(), ...(trackingNumber ? { trackingNumber } : {}) };
}

/** Body and X-Warehouse-Signature header, signed with the configured secret (or another). */
export function signedWarehouseDelivery(event: object, { secret = warehouseConfig().secret, timestamp }: { secret?: string; timestamp?: number } = {}) {
  const body = JSON.stringify(event);
  return { body, signature: signWarehousePayload(body, secret, timestamp) };
}

type Refusal = { status: number; body?: unknown };

export type FakeWarehouse = {
  url: string;
  /** Pick tasks created, one per Idempotency-Key. */
  readonly tasks: { key: string; pickTaskId: string; request: PickRequest }[];
  /** Every pick request that arrived with a valid signature, duplicates included. */
  readonly pickRequests: { key: string; body: string }[];
  readonly cancellations: { orderId: string; key: string; body: { orderId: string; reason: string } }[];
  /** Requests refused for a bad signature or body (should stay empty). */
  readonly rejected: string[];
  /** Answer the next `count` requests with this status instead of handling them. */
  refuseNext(count: number, refusal?: Refusal): void;
  /** Answer cancellations with this (e.g. 409: already shipped); null handles them. */
  cancelAnswer: Refusal | null;
  /** Runs while a pick request is being handled, before the answer (to race it). */
  onPick: ((request: PickRequest) => Promise<void>) | null;
  /** Stops listening (connections are refused) until resume(). */
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/**
 * The warehouse system's side of the contract on an ephemeral local port. Sets WAREHOUSE_URL
 * and WAREHOUSE_WEBHOOK_SECRET so warehouseConfig() points the code under test at it; close()
 * puts them back.
 */
export async function startFakeWarehouse({ secret = "fake-warehouse-secret-0123456789" }: { secret?: string } = {}): Promise<FakeWarehouse> {
  const tasks: FakeWarehouse["tasks"] = [];
  const pickRequests: FakeWarehouse["pickRequests"] = [];
  const cancellations: FakeWarehouse["cancellations"] = [];
  const rejected: string[] = [];
  const refusals: Refusal[] = [];

  const fake = {
    url: "",
    tasks,
    pickRequests,
    cancellations,
    rejected,
    cancelAnswer: null as Refusal | null,
    onPick: null as FakeWarehouse["onPick"],
  };

  const answer = (response: ServerResponse, status: number, body: unknown) =>
    response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));

  const handler = async (request: IncomingMessage, response: ServerResponse) => {
    const body = await readBody(request);
    const refusal = refusals.shift();
    if (refusal) return answer(response, refusal.status, refusal.body ?? { error: "Simulated outage" });
    const path = new URL(request.url ?? "/", "http://warehouse").pathname;
    try {
      verifyWarehouseSignature(body, request.headers["x-warehouse-signature"] as string | undefined, secret);
    } catch (error) {
      rejected.push(`${path}: ${(error as Error).message}`);
      return answer(response, 400, { error: (error as Error).message });
    }
    const key = request.headers["idempotency-key"];
    if (typeof key !== "string" || !key) {
      rejected.push(`${path}: no Idempotency-Key`);
      return answer(response, 400, { error: "Idempotency-Key is required" });
    }
    if (request.method === "POST" && path === "/pick-requests") {
      const parsed = pickRequestSchema.safeParse(JSON.parse(body));
      if (!parsed.success) {
        rejected.push(`${path}: ${parsed.error.message}`);
        return answer(response, 400, { error: parsed.error.message });
      }
      pickRequests.push({ key, body });
      if (fake.onPick) await fake.onPick(parsed.data);
      const existing = tasks.find((task) => task.key === key);
      if (existing) return answer(response, 200, { pickTaskId: existing.pickTaskId, duplicate: true });
      const task = { key, pickTaskId: `PT-${tasks.length + 1}-${next()}`, request: parsed.data };
      tasks.push(task);
      return answer(response, 201, { pickTaskId: task.pickTaskId });
    }
    const cancel = /^\/pick-requests\/([^/]+)\/cancel$/.exec(path);
    if (request.method === "POST" && cancel) {
      if (fake.cancelAnswer) return answer(response, fake.cancelAnswer.status, fake.cancelAnswer.body ?? { error: "The parcel has already been shipped." });
      const orderId = decodeURIComponent(cancel[1]!);
      if (!cancellations.some((c) => c.key === key)) cancellations.push({ orderId, key, body: JSON.parse(body) });
      return answer(response, 200, { cancelled: true });
    }
    return answer(response, 404, { error: "Not found" });
  };

  let server: Server = createServer((request, response) => void handler(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  fake.url = `http://127.0.0.1:${port}`;
  const previous = { url: process.env.WAREHOUSE_URL, secret: process.env.WAREHOUSE_WEBHOOK_SECRET };
  process.env.WAREHOUSE_URL = fake.url;
  process.env.WAREHOUSE_WEBHOOK_SECRET = secret;

  const stop = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const restore = (name: string, value: string | undefined) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };

  return Object.assign(fake, {
    refuseNext(count: number, refusal: Refusal = { status: 503 }) {
      for (let i = 0; i < count; i++) refusals.push(refusal);
    },
    pause: stop,
    async resume() {
      server = createServer((request, response) => void handler(request, response));
      await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    },
    async close() {
      if (server.listening) await stop();
      restore("WAREHOUSE_URL", previous.url);
      restore("WAREHOUSE_WEBHOOK_SECRET", previous.secret);
    },
  });
}
