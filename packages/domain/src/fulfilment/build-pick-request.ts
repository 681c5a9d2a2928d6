// The pick & pack list for one seller part, as the warehouse receives it (pickRequestSchema):
// what to take from which shelf, and where the parcel goes.
import { getPrisma, type FulfilmentStatus, type WarehouseKind } from "@market/db";
import { pickRequestSchema, type PickRequest } from "./warehouse-contract.ts";
import { pickJobKey } from "./warehouse-jobs.ts";

export type PickPart = {
  id: string;
  status: FulfilmentStatus;
  warehouseKind: WarehouseKind | null;
  request: PickRequest;
  /** The part's shipment at the marketplace warehouse, once the paid order asked for one. */
  shipment: { id: string; requestedAt: Date | null } | null;
};

type PickRow = {
  id: string;
  status: FulfilmentStatus;
  seller: { id: string; name: string };
  warehouseCode: string | null;
  warehouseName: string | null;
  warehouseKind: WarehouseKind | null;
  number: string;
  deliveryMethod: PickRequest["delivery"]["method"];
  deliveryAddress: unknown;
  contactName: string;
  contactPhone: string;
  pickupPoint: { code: string; name: string; city: string; address: string } | null;
  shipmentId: string | null;
  shipmentRequestedAt: Date | null;
  lines: { sku: string; title: string; size: string | null; color: string | null; quantity: number; shelfLocation: string | null }[];
};

/**
 * The part and its pick request, or null if the part does not exist (or has no warehouse). One
 * query: the worker sends one of these for every parcel of every paid order.
 */
export async function buildPickRequest(orderPartId: string, { now = new Date() }: { now?: Date } = {}): Promise<PickPart | null> {
  const [part] = await getPrisma().$queryRaw<PickRow[]>`
    SELECT p.id, p.status::text AS status, json_build_object('id', s.id, 'name', s.name) AS seller,
           w.code AS "warehouseCode", w.name AS "warehouseName", w.kind::text AS "warehouseKind",
           o.number, o."deliveryMethod"::text AS "deliveryMethod", o."deliveryAddress", o."contactName", o."contactPhone",
           CASE WHEN pp.id IS NULL THEN NULL ELSE json_build_object('code', pp.code, 'name', pp.name, 'city', pp.city, 'address', pp.address) END AS "pickupPoint",
           sh.id AS "shipmentId", sh."requestedAt" AS "shipmentRequestedAt",
           COALESCE((
             SELECT json_agg(json_build_object('sku', l.sku, 'title', l.title, 'size', l.size, 'color', l.color, 'quantity', l.quantity, 'shelfLocation', st."shelfLocation")
                             ORDER BY l.title, l.sku)
               FROM "OrderLine" l
               LEFT JOIN "Stock" st ON st."variantId" = l."variantId" AND st."warehouseId" = p."warehouseId"
              WHERE l."orderPartId" = p.id
           ), '[]'::json) AS lines
      FROM "OrderPart" p
      JOIN "Seller" s ON s.id = p."sellerId"
      JOIN "Order" o ON o.id = p."orderId"
      JOIN "Warehouse" w ON w.id = p."warehouseId"
      LEFT JOIN "PickupPoint" pp ON pp.id = o."pickupPointId"
      LEFT JOIN "Shipment" sh ON sh."idempotencyKey" = ${pickJobKey(orderPartId)}
     WHERE p.id = ${orderPartId}::uuid`;
  if (!part || part.warehouseCode === null) return null;

  const request = pickRequestSchema.parse({
    orderId: part.id,
    orderNumber: part.number,
    seller: part.seller,
    warehouse: { code: part.warehouseCode, name: part.warehouseName! },
    lines: part.lines,
    delivery: {
      method: part.deliveryMethod,
      pickupPoint: part.deliveryMethod === "PICKUP" ? part.pickupPoint : null,
      address: part.deliveryMethod === "COURIER" ? addressRecord(part.deliveryAddress) : null,
      recipient: { name: part.contactName, phone: part.contactPhone },
    },
    requestedAt: now.toISOString(),
  } satisfies PickRequest);
  const shipment = part.shipmentId ? { id: part.shipmentId, requestedAt: part.shipmentRequestedAt } : null;
  return { id: part.id, status: part.status, warehouseKind: part.warehouseKind, request, shipment };
}

/** The order's address snapshot as flat strings (empty optional fields left out). */
function addressRecord(value: unknown): Record<string, string> | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const entries = Object.entries(value as Record<string, unknown>).flatMap(([key, field]) =>
    typeof field === "string" ? (field.trim() ? [[key, field]] : []) : typeof field === "number" ? [[key, String(field)]] : [],
  );
  return Object.fromEntries(entries);
}
