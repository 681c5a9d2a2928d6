// The pick & pack list for one seller part, as the warehouse receives it (pickRequestSchema):
// what to take from which shelf, and where the parcel goes.
import { getPrisma, type FulfilmentStatus, type WarehouseKind } from "@market/db";
import { pickRequestSchema, type PickRequest } from "./warehouse-contract.ts";

export type PickPart = {
  id: string;
  status: FulfilmentStatus;
  warehouseKind: WarehouseKind | null;
  request: PickRequest;
};

/** The part and its pick request, or null if the part does not exist (or has no warehouse). */
export async function buildPickRequest(orderPartId: string, { now = new Date() }: { now?: Date } = {}): Promise<PickPart | null> {
  const prisma = getPrisma();
  const part = await prisma.orderPart.findUnique({
    where: { id: orderPartId },
    select: {
      id: true,
      status: true,
      warehouseId: true,
      seller: { select: { id: true, name: true } },
      warehouse: { select: { code: true, name: true, kind: true } },
      lines: { orderBy: [{ title: "asc" }, { sku: "asc" }], select: { variantId: true, sku: true, title: true, size: true, color: true, quantity: true } },
      order: {
        select: {
          number: true,
          deliveryMethod: true,
          deliveryAddress: true,
          contactName: true,
          contactPhone: true,
          pickupPoint: { select: { code: true, name: true, city: true, address: true } },
        },
      },
    },
  });
  if (!part || !part.warehouseId || !part.warehouse) return null;

  const stock = await prisma.stock.findMany({
    where: { warehouseId: part.warehouseId, variantId: { in: part.lines.map((line) => line.variantId) } },
    select: { variantId: true, shelfLocation: true },
  });
  const shelfOf = new Map(stock.map((row) => [row.variantId, row.shelfLocation]));
  const { order } = part;

  const request = pickRequestSchema.parse({
    orderId: part.id,
    orderNumber: order.number,
    seller: part.seller,
    warehouse: { code: part.warehouse.code, name: part.warehouse.name },
    lines: part.lines.map((line) => ({
      sku: line.sku,
      title: line.title,
      size: line.size,
      color: line.color,
      quantity: line.quantity,
      shelfLocation: shelfOf.get(line.variantId) ?? null,
    })),
    delivery: {
      method: order.deliveryMethod,
      pickupPoint: order.deliveryMethod === "PICKUP" ? order.pickupPoint : null,
      address: order.deliveryMethod === "COURIER" ? addressRecord(order.deliveryAddress) : null,
      recipient: { name: order.contactName, phone: order.contactPhone },
    },
    requestedAt: now.toISOString(),
  } satisfies PickRequest);
  return { id: part.id, status: part.status, warehouseKind: part.warehouse.kind, request };
}

/** The order's address snapshot as flat strings (empty optional fields left out). */
function addressRecord(value: unknown): Record<string, string> | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const entries = Object.entries(value as Record<string, unknown>).flatMap(([key, field]) =>
    typeof field === "string" ? (field.trim() ? [[key, field]] : []) : typeof field === "number" ? [[key, String(field)]] : [],
  );
  return Object.fromEntries(entries);
}
