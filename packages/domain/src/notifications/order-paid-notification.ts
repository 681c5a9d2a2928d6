// The shopper hears that the payment arrived: a notification in the app and an email, under a
// dedupe key derived from the order, so a redelivered OrderPaid event notifies once.
import { getPrisma } from "@market/db";
import type { OutboxHandler } from "../outbox/index.ts";
import { notifyShopper, storefrontLink } from "./notify-shopper.ts";

export async function notifyOrderPaid(orderId: string): Promise<void> {
  const prisma = getPrisma();
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    select: { number: true, userId: true, contactEmail: true, contactName: true, parts: { select: { seller: { select: { name: true } } } } },
  });
  if (!order) return;
  const sellers = [...new Set(order.parts.map((part) => part.seller.name))].join(", ");
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
