// The shopper hears that the payment arrived: a notification in the app and an email, under a
// dedupe key derived from the order, so a redelivered OrderPaid event notifies once.
import { getPrisma } from "@market/db";
import type { OutboxHandler } from "../outbox/index.ts";
import { notifyShopper, storefrontLink } from "./notify-shopper.ts";

export async function notifyOrderPaid(orderId: string): Promise<void> {
  const prisma = getPrisma();
  // One read: this runs for every paid order.
  const [order] = await prisma.$queryRaw<{ number: string; userId: string; contactEmail: string; contactName: string; sellers: string[] }[]>`
    SELECT o.number, o."userId", o."contactEmail", o."contactName",
           ARRAY(SELECT DISTINCT s.name FROM "OrderPart" p JOIN "Seller" s ON s.id = p."sellerId" WHERE p."orderId" = o.id ORDER BY s.name) AS sellers
      FROM "Order" o WHERE o.id = ${orderId}::uuid`;
  if (!order) return;
  const sellers = order.sellers.join(", ");
  const link = `/orders/${order.number}`;
  await notifyShopper(prisma, {
    userId: order.userId,
    type: "order.paid",
    title: `Order ${order.number} is paid`,
    body: `We have your payment and passed the order to ${sellers}. We will tell you when it is being prepared.`,
    link,
    dedupeKey: `order-paid:${orderId}`,
    email: {
      to: order.contactEmail,
      subject: `Order ${order.number}: payment received`,
      text: `Hello ${order.contactName},\n\nThank you: we have received the payment for order ${order.number}. The sellers (${sellers}) are getting it ready; we will write again when your package is being prepared.\n\nFollow your order: ${storefrontLink(link)}\n`,
    },
  });
}

export const orderPaidNotification: OutboxHandler<"OrderPaid"> = {
  name: "notifications.order-paid",
  handle: (event) => notifyOrderPaid(event.payload.orderId),
};
