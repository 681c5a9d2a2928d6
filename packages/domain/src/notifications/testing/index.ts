// A paid order for the notification tests (and the API's): one part per seller, in NEW, with the
// shopper's contact email. Not for product code.
import { randomUUID } from "node:crypto";
import { getPrisma, type DeliveryMethod, type FulfilmentStatus } from "@market/db";
import { createPickupPoint, createSeller, createUser } from "../../testing/shop-fixtures.ts";

let serial = 0;

export async function createOrderForNotifications({
  deliveryMethod = "PICKUP",
  sellers = 1,
  userId,
  status = "NEW",
}: { deliveryMethod?: DeliveryMethod; sellers?: number; userId?: string; status?: FulfilmentStatus } = {}) {
  const prisma = getPrisma();
  const user = userId ? { id: userId } : await createUser("Anna Petrova");
  const point = deliveryMethod === "PICKUP" ? await createPickupPoint("Moscow", 2) : null;
  const order = await prisma.order.create({
    data: {
      number: `N-${Date.now().toString(36).toUpperCase()}-${serial++}`,
      userId: user.id,
      status: "PAID",
      currency: "RUB",
      subtotalMinor: 100_000,
      totalMinor: 100_000,
      deliveryMethod,
      pickupPointId: point?.id ?? null,
      deliveryAddress: deliveryMethod === "COURIER" ? { city: "Moscow", street: "Tverskaya 1" } : undefined,
      contactName: "Anna Petrova",
      contactPhone: "+79001234567",
      contactEmail: `anna-${randomUUID().slice(0, 8)}@example.com`,
      idempotencyKey: randomUUID(),
      paidAt: new Date(),
    },
    select: { id: true, number: true, userId: true, contactEmail: true },
  });
  const parts = [];
  for (let i = 0; i < sellers; i++) {
    const seller = await createSeller();
    const part = await prisma.orderPart.create({
      data: { orderId: order.id, sellerId: seller.id, status, subtotalMinor: 100_000, currency: "RUB" },
      select: { id: true },
    });
    parts.push({ id: part.id, sellerName: seller.name });
  }
  return { ...order, parts };
}
