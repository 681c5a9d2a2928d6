// What the checkout page shows before the order is placed: the cart at today's prices, the
// delivery fee and date for the chosen method, and what would stop the order. It reads without
// locking; placeOrder checks everything again under locks.
import { getPrisma } from "@market/db";
import { getCart, type CartView } from "../cart/index.ts";
import { addDays } from "../delivery/index.ts";
import { allocateStock, deliveryDays } from "./allocate-stock.ts";
import { readStock } from "./reservations.ts";
import { COURIER_DAYS, COURIER_FEE_MINOR } from "./config.ts";
import { checkoutPreviewInput, type CheckoutPreviewInput } from "./schemas.ts";

export type CheckoutPreview = {
  cart: CartView;
  currency: string | null;
  subtotalMinor: number;
  deliveryMinor: number;
  /** What courier delivery would cost, to show next to the choice. */
  courierFeeMinor: number;
  totalMinor: number;
  /** YYYY-MM-DD when the parcels should be ready, or null without a delivery choice. */
  estimate: string | null;
  /** Lines that would stop the order (sold out, fewer left, no longer sold). */
  problems: { variantId: string; title: string; reason: "sold-out" | "not-enough" | "not-sold" | "currency"; available: number }[];
  contact: { name: string; email: string };
};

export async function previewCheckout(userId: string, input: CheckoutPreviewInput = {}, now = new Date()): Promise<CheckoutPreview> {
  const { delivery } = checkoutPreviewInput.parse(input);
  const prisma = getPrisma();
  const [cart, user] = await Promise.all([getCart({ userId }), prisma.user.findUnique({ where: { id: userId }, select: { name: true, email: true } })]);
  const lines = cart.groups.flatMap((group) => group.lines);
  const currency = lines[0]?.currency ?? null;
  const subtotalMinor = lines.filter((l) => l.currency === currency).reduce((sum, l) => sum + l.lineTotalMinor, 0);
  const problems: CheckoutPreview["problems"] = [];
  for (const line of lines) {
    const title = line.product.title;
    if (!line.sold) problems.push({ variantId: line.variantId, title, reason: "not-sold", available: 0 });
    else if (line.available === 0) problems.push({ variantId: line.variantId, title, reason: "sold-out", available: 0 });
    else if (line.available < line.quantity) problems.push({ variantId: line.variantId, title, reason: "not-enough", available: line.available });
    else if (line.currency !== currency) problems.push({ variantId: line.variantId, title, reason: "currency", available: line.available });
  }

  let deliveryCity: string | null = null;
  let baseDays = COURIER_DAYS;
  if (delivery?.method === "PICKUP") {
    const point = await prisma.pickupPoint.findUnique({ where: { id: delivery.pickupPointId }, select: { city: true, deliveryDays: true, isActive: true } });
    if (point?.isActive) {
      deliveryCity = point.city;
      baseDays = point.deliveryDays;
    }
  } else if (delivery?.method === "COURIER" && delivery.city) {
    deliveryCity = delivery.city;
  }
  let estimate: string | null = null;
  if (deliveryCity && lines.length > 0 && problems.length === 0) {
    const stock = await readStock(prisma, lines.map((l) => l.variantId));
    const days = deliveryDays(allocateStock(lines, stock, deliveryCity).pieces, stock, deliveryCity, baseDays);
    if (days !== null) estimate = addDays(now, days);
  }
  const deliveryMinor = delivery?.method === "COURIER" && currency ? (COURIER_FEE_MINOR[currency] ?? 0) : 0;
  return {
    cart,
    currency,
    subtotalMinor,
    deliveryMinor,
    courierFeeMinor: currency ? (COURIER_FEE_MINOR[currency] ?? 0) : 0,
    totalMinor: subtotalMinor + deliveryMinor,
    estimate,
    problems,
    contact: { name: user?.name ?? "", email: user?.email ?? "" },
  };
}
