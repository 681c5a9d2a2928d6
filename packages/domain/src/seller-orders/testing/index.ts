// Test helpers for the seller's orders and dashboard (imported as
// @market/domain/seller-orders/testing by the API's tests too): a shop with a signed-up member,
// and sales written straight to the tables with the dates and statuses a test needs (the real
// checkout always pays "now", and a dashboard test needs orders on known days).
import { randomUUID } from "node:crypto";
import { getPrisma, type FulfilmentStatus, type OrderStatus, type SellerOrderStatus } from "@market/db";
import { createSeller, createUser } from "../../testing/shop-fixtures.ts";

let serial = 0;
const next = () => `${Date.now().toString(36)}${(serial++).toString(36)}`.toUpperCase();

/** A shop and a SELLER account that is its member. */
export async function createShopWithMember() {
  const prisma = getPrisma();
  const seller = await createSeller();
  const member = await createUser("Shop Owner");
  await prisma.user.update({ where: { id: member.id }, data: { role: "SELLER" } });
  await prisma.sellerMember.create({ data: { sellerId: seller.id, userId: member.id, role: "OWNER" } });
  return { seller, member };
}

export type SaleSpec = {
  sellerId: string;
  warehouseId: string;
  lines: { variantId: string; quantity: number; unitPriceMinor: number }[];
  /** Order status; PAID by default. PENDING_PAYMENT leaves paidAt empty. */
  orderStatus?: OrderStatus;
  paidAt?: Date;
  createdAt?: Date;
  status?: FulfilmentStatus;
  sellerStatus?: SellerOrderStatus;
  trackingNumber?: string | null;
};

/** One order with one part of this seller. */
export async function createSale(spec: SaleSpec) {
  const prisma = getPrisma();
  const orderStatus = spec.orderStatus ?? "PAID";
  const paidAt = orderStatus === "PENDING_PAYMENT" ? null : (spec.paidAt ?? new Date());
  const createdAt = spec.createdAt ?? paidAt ?? new Date();
  const subtotal = spec.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
  const buyer = await createUser("Buyer");
  const n = next();
  const order = await prisma.order.create({
    data: {
      number: `S-${n}`,
      userId: buyer.id,
      status: orderStatus,
      currency: "RUB",
      subtotalMinor: subtotal,
      totalMinor: subtotal,
      deliveryMethod: "COURIER",
      deliveryAddress: { city: "Moscow", street: "Arbat 5", apartment: "7" },
      contactName: "Ivan Ivanov",
      contactPhone: "+79000000001",
      contactEmail: "ivan@example.com",
      idempotencyKey: randomUUID(),
      paidAt,
      createdAt,
    },
    select: { id: true, number: true },
  });
  const part = await prisma.orderPart.create({
    data: {
      orderId: order.id,
      sellerId: spec.sellerId,
      warehouseId: spec.warehouseId,
      status: spec.status ?? (paidAt ? "NEW" : "AWAITING_PAYMENT"),
      sellerStatus: spec.sellerStatus ?? "NEW",
      subtotalMinor: subtotal,
      currency: "RUB",
      trackingNumber: spec.trackingNumber ?? null,
      createdAt,
    },
    select: { id: true },
  });
  for (const line of spec.lines) {
    const variant = await prisma.productVariant.findUniqueOrThrow({ where: { id: line.variantId }, select: { sku: true, size: true, color: true, product: { select: { id: true, title: true } } } });
    await prisma.orderLine.create({
      data: {
        orderId: order.id,
        orderPartId: part.id,
        variantId: line.variantId,
        productId: variant.product.id,
        sku: variant.sku,
        title: variant.product.title,
        size: variant.size,
        color: variant.color,
        unitPriceMinor: line.unitPriceMinor,
        quantity: line.quantity,
        lineTotalMinor: line.unitPriceMinor * line.quantity,
        currency: "RUB",
      },
    });
  }
  return { orderId: order.id, number: order.number, partId: part.id };
}
