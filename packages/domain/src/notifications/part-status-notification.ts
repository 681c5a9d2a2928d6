// The shopper hears how each seller's package is getting on (OrderPartStatusChanged): in the app
// and by email. One message per package and per step the shopper cares about: ACCEPTED and
// PICKING are one step ("being prepared", the first news after payment), and a parcel delivered
// to the pickup point is "ready for pickup". The dedupe key names the package and the step, so a
// redelivered event, or the warehouse reporting both ACCEPTED and PICKING, tells them once.
//
// Every step is told, even when the event arrives after the package has moved on (a worker that
// was down catches up): the shopper then gets the steps in a burst, which is still true news, and
// each at most once.
import { DeliveryMethod, getPrisma } from "@market/db";
import type { OutboxHandler, OutboxPayload } from "../outbox/index.ts";
import { notifyShopper, storefrontLink } from "./notify-shopper.ts";

type PartStatus = OutboxPayload<"OrderPartStatusChanged">["status"];

export type PartStep = "being-prepared" | "packed" | "shipped" | "ready-for-pickup" | "delivered" | "cancelled" | "returned";

/** The step the shopper is told about for a status, given how the order is delivered. */
export function partStep(status: PartStatus, deliveryMethod: DeliveryMethod): PartStep {
  switch (status) {
    case "ACCEPTED":
    case "PICKING":
      return "being-prepared";
    case "PACKED":
      return "packed";
    case "SHIPPED":
      return "shipped";
    case "READY_FOR_PICKUP":
      return "ready-for-pickup";
    // The warehouse's DELIVERED means "at its destination": for a pickup order, the pickup point.
    case "DELIVERED":
      return deliveryMethod === DeliveryMethod.PICKUP ? "ready-for-pickup" : "delivered";
    case "CANCELLED":
      return "cancelled";
    case "RETURNED":
      return "returned";
  }
}

export const partStatusDedupeKey = (orderPartId: string, step: PartStep) => `part-status:${orderPartId}:${step}`;

type Words = { title: string; body: string; subject: string; text: string };

function wordsFor(step: PartStep, c: { number: string; seller: string; trackingNumber: string | null; pickupPoint: string | null }): Words {
  const tracking = c.trackingNumber ? ` Tracking number: ${c.trackingNumber}.` : "";
  switch (step) {
    case "being-prepared":
      return {
        title: `Your package from ${c.seller} is being prepared`,
        body: `Order ${c.number}: your items from ${c.seller} are being picked and packed.`,
        subject: `Order ${c.number}: your package from ${c.seller} is being prepared`,
        text: `your package from ${c.seller} (order ${c.number}) is being prepared: the items are being picked and packed. We will write again when it is on its way.`,
      };
    case "packed":
      return {
        title: `Your package from ${c.seller} is packed`,
        body: `Order ${c.number}: your package from ${c.seller} is packed and will be handed over for delivery soon.`,
        subject: `Order ${c.number}: your package from ${c.seller} is packed`,
        text: `your package from ${c.seller} (order ${c.number}) is packed and will be handed over for delivery soon.`,
      };
    case "shipped":
      return {
        title: `Your package from ${c.seller} is on its way`,
        body: `Order ${c.number}: your package from ${c.seller} has been shipped.${tracking}`,
        subject: `Order ${c.number}: your package from ${c.seller} is on its way`,
        text: `your package from ${c.seller} (order ${c.number}) has been shipped.${tracking}`,
      };
    case "ready-for-pickup": {
      const where = c.pickupPoint ? ` at ${c.pickupPoint}` : " at your pickup point";
      return {
        title: `Your package from ${c.seller} is ready for pickup`,
        body: `Order ${c.number}: your package from ${c.seller} is waiting for you${where}.`,
        subject: `Order ${c.number}: your package from ${c.seller} is ready for pickup`,
        text: `your package from ${c.seller} (order ${c.number}) is waiting for you${where}. Bring the order number when you collect it.`,
      };
    }
    case "delivered":
      return {
        title: `Your package from ${c.seller} has been delivered`,
        body: `Order ${c.number}: your package from ${c.seller} has been delivered. Enjoy your purchase!`,
        subject: `Order ${c.number}: your package from ${c.seller} has been delivered`,
        text: `your package from ${c.seller} (order ${c.number}) has been delivered. We hope you enjoy your purchase.`,
      };
    case "cancelled":
      return {
        title: `Your package from ${c.seller} was cancelled`,
        body: `Order ${c.number}: your package from ${c.seller} will not be delivered. Any money paid for it goes back to you; the order page shows the details.`,
        subject: `Order ${c.number}: your package from ${c.seller} was cancelled`,
        text: `your package from ${c.seller} (order ${c.number}) was cancelled and will not be delivered. Any money paid for it goes back to you; the order page shows the details.`,
      };
    case "returned":
      return {
        title: `Your return to ${c.seller} is complete`,
        body: `Order ${c.number}: ${c.seller} has received the items you sent back. The refund goes to the card you paid with.`,
        subject: `Order ${c.number}: your return to ${c.seller} is complete`,
        text: `${c.seller} has received the items you sent back from order ${c.number}. The refund goes to the card you paid with.`,
      };
  }
}

export async function notifyPartStatus(payload: OutboxPayload<"OrderPartStatusChanged">): Promise<void> {
  const prisma = getPrisma();
  // One read: this runs for every step of every parcel.
  const [part] = await prisma.$queryRaw<
    {
      trackingNumber: string | null;
      sellerName: string;
      number: string;
      userId: string;
      contactEmail: string;
      contactName: string;
      deliveryMethod: DeliveryMethod;
      pickupPoint: { name: string; address: string; city: string } | null;
    }[]
  >`
    SELECT p."trackingNumber", s.name AS "sellerName", o.number, o."userId", o."contactEmail", o."contactName", o."deliveryMethod"::text AS "deliveryMethod",
           CASE WHEN pp.id IS NULL THEN NULL ELSE json_build_object('name', pp.name, 'address', pp.address, 'city', pp.city) END AS "pickupPoint"
      FROM "OrderPart" p
      JOIN "Seller" s ON s.id = p."sellerId"
      JOIN "Order" o ON o.id = p."orderId"
      LEFT JOIN "PickupPoint" pp ON pp.id = o."pickupPointId"
     WHERE p.id = ${payload.orderPartId}::uuid`;
  if (!part) return;
  const step = partStep(payload.status, part.deliveryMethod);
  const words = wordsFor(step, {
    number: part.number,
    seller: part.sellerName,
    trackingNumber: payload.trackingNumber ?? part.trackingNumber,
    pickupPoint: part.pickupPoint ? `${part.pickupPoint.name} (${part.pickupPoint.city}, ${part.pickupPoint.address})` : null,
  });
  const link = `/orders/${part.number}`;
  await notifyShopper(prisma, {
    userId: part.userId,
    type: `order.part.${step}`,
    title: words.title,
    body: words.body,
    link,
    dedupeKey: partStatusDedupeKey(payload.orderPartId, step),
    email: {
      to: part.contactEmail,
      subject: words.subject,
      text: `Hello ${part.contactName},\n\n${words.text.charAt(0).toUpperCase()}${words.text.slice(1)}\n\nFollow your order: ${storefrontLink(link)}\n`,
    },
  });
}

export const partStatusNotification: OutboxHandler<"OrderPartStatusChanged"> = {
  name: "notifications.part-status",
  handle: (event) => notifyPartStatus(event.payload),
};
