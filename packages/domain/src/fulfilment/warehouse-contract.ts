// The contract with the warehouse system, both directions (README "Warehouse contract"):
//   us → warehouse  POST <WAREHOUSE_URL>/pick-requests            body: PickRequest
//                   POST <WAREHOUSE_URL>/pick-requests/<orderId>/cancel
//   warehouse → us  POST /api/webhooks/warehouse                   body: WarehouseEvent
// Every request in either direction carries
//   X-Warehouse-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">
// with the shared secret, checked with a 300 s tolerance. Pick requests also carry an
// Idempotency-Key: the warehouse creates one pick task per key, however often it is sent.
// The simulator (apps/warehouse-simulator) implements the far end from this same module.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const WAREHOUSE_SIGNATURE_HEADER = "x-warehouse-signature";
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signWarehousePayload(rawBody: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

export class WarehouseSignatureError extends Error {
  override name = "WarehouseSignatureError";
}

/** Throws WarehouseSignatureError unless the header proves `secret`'s holder sent this exact body recently. */
export function verifyWarehouseSignature(
  rawBody: string,
  header: string | null | undefined,
  secret: string,
  { toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS, now = Date.now() }: { toleranceSeconds?: number; now?: number } = {},
): void {
  if (!header) throw new WarehouseSignatureError("The X-Warehouse-Signature header is missing.");
  const parts = new Map<string, string[]>();
  for (const item of header.split(",")) {
    const [key, ...rest] = item.trim().split("=");
    if (!key || rest.length === 0) continue;
    parts.set(key, [...(parts.get(key) ?? []), rest.join("=")]);
  }
  const t = Number(parts.get("t")?.[0]);
  const signatures = parts.get("v1") ?? [];
  if (!Number.isInteger(t) || signatures.length === 0) throw new WarehouseSignatureError("The X-Warehouse-Signature header is malformed (expected t=<unix seconds>,v1=<hex>).");
  if (Math.abs(now / 1000 - t) > toleranceSeconds) throw new WarehouseSignatureError(`The signature's timestamp is more than ${toleranceSeconds} s away from now.`);
  const expected = Buffer.from(createHmac("sha256", secret).update(`${t}.${rawBody}`).digest("hex"), "utf8");
  const matches = signatures.some((candidate) => {
    const given = Buffer.from(candidate, "utf8");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WarehouseSignatureError("The signature does not match the body.");
}

export const WAREHOUSE_STATUSES = ["ACCEPTED", "PICKING", "PACKED", "SHIPPED", "DELIVERED", "CANCELLED"] as const;
export type WarehouseStatus = (typeof WAREHOUSE_STATUSES)[number];

/** What the warehouse reports (the brief's public contract). `orderId` is the id we sent in the pick request. */
export const warehouseEventSchema = z.object({
  eventId: z.string().trim().min(1, "eventId is required").max(200),
  orderId: z.string().trim().min(1, "orderId is required").max(200),
  status: z.enum(WAREHOUSE_STATUSES, { error: `status must be one of ${WAREHOUSE_STATUSES.join(", ")}` }),
  occurredAt: z.iso.datetime({ offset: true, error: "occurredAt must be an ISO 8601 date-time, e.g. 2026-11-24T10:00:00Z" }),
  trackingNumber: z.string().trim().min(1).max(100).optional(),
});
export type WarehouseEvent = z.infer<typeof warehouseEventSchema>;

/** One seller part of an order, to be picked and packed in one warehouse. */
export const pickRequestSchema = z.object({
  /** The seller part's id: the warehouse reports against it as `orderId`. */
  orderId: z.string().uuid(),
  /** The order number the shopper sees, printed on the parcel. */
  orderNumber: z.string(),
  seller: z.object({ id: z.string().uuid(), name: z.string() }),
  warehouse: z.object({ code: z.string(), name: z.string() }),
  lines: z
    .array(
      z.object({
        sku: z.string(),
        title: z.string(),
        size: z.string().nullable(),
        color: z.string().nullable(),
        quantity: z.number().int().positive(),
        shelfLocation: z.string().nullable(),
      }),
    )
    .min(1),
  delivery: z.object({
    method: z.enum(["PICKUP", "COURIER"]),
    pickupPoint: z.object({ code: z.string(), name: z.string(), city: z.string(), address: z.string() }).nullable(),
    address: z.record(z.string(), z.string()).nullable(),
    recipient: z.object({ name: z.string(), phone: z.string() }),
  }),
  requestedAt: z.iso.datetime({ offset: true }),
});
export type PickRequest = z.infer<typeof pickRequestSchema>;

/** The warehouse's answer to a pick request: its task id; `duplicate` when the key was seen before. */
export const pickRequestResponseSchema = z.object({ pickTaskId: z.string(), duplicate: z.boolean().optional() });
