// Placing an order: one transaction turns the shopper's cart into an order with a price
// snapshot, split into one part per seller and warehouse, with the stock reserved. Either all
// of it happens or none of it does.
import { randomUUID } from "node:crypto";
import { getPrisma, newRowId, ProductStatus, SellerStatus, type Currency } from "@market/db";
import { addDays } from "../delivery/index.ts";
import { AppError } from "../errors.ts";
import { outboxEventInsert } from "../outbox/index.ts";
import { allocateStock, deliveryDays, type StockPiece } from "./allocate-stock.ts";
import { readCartForCheckout } from "./checkout-cart.ts";
import { COURIER_DAYS, COURIER_FEE_MINOR, reservationTtlMinutes } from "./config.ts";
import { newOrderNumber } from "./order-number.ts";
import { lockStock, reserveStock } from "./reservations.ts";
import { placeOrderInput, type PlaceOrderInput } from "./schemas.ts";

export type PlacedOrder = {
  orderId: string;
  number: string;
  totalMinor: number;
  currency: Currency;
  reservationExpiresAt: Date | null;
  /** False when this key had already placed the order (a double click or a retry). */
  created: boolean;
};

/** Thrown inside the transaction when another request with the same key got there first. */
class PlacedConcurrently extends Error {}

const variantLabel = (size: string | null, color: string | null) => {
  const parts = [size, color].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
};

async function findPlaced(userId: string, idempotencyKey: string): Promise<PlacedOrder | null> {
  const order = await getPrisma().order.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey } },
    select: { id: true, number: true, totalMinor: true, currency: true, reservationExpiresAt: true },
  });
  return order && { orderId: order.id, number: order.number, totalMinor: order.totalMinor, currency: order.currency, reservationExpiresAt: order.reservationExpiresAt, created: false };
}

/**
 * Places the shopper's cart as an order. Idempotent per (shopper, idempotencyKey): the same
 * submission sent many times at once creates one order; the others wait for it and return it.
 * Stock is reserved with the rows locked, so concurrent checkouts cannot oversell; if any line
 * cannot be served, nothing is reserved and the error names the lines.
 */
export async function placeOrder(
  userId: string,
  input: PlaceOrderInput,
  { requestId, now = new Date() }: { requestId?: string; now?: Date } = {},
): Promise<PlacedOrder> {
  const { idempotencyKey, delivery, contact } = placeOrderInput.parse(input);
  // Three tries: the insert also skips on the (unlikely) clash of a random order number. A repeated
  // submission is found by the order insert (its key is unique), so the first try does not look
  // for one beforehand: that lookup would cost every order a query for the sake of the few repeats.
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) {
      const earlier = await findPlaced(userId, idempotencyKey);
      if (earlier) return earlier;
    }
    try {
      return await placeNew();
    } catch (error) {
      if (!(error instanceof PlacedConcurrently) || attempt === 3) throw error;
    }
  }

  function placeNew(): Promise<PlacedOrder> {
    return getPrisma().$transaction(
      async (tx) => {
        let deliveryCity: string;
        let baseDays: number;
        if (delivery.method === "PICKUP") {
          const point = await tx.pickupPoint.findUnique({ where: { id: delivery.pickupPointId }, select: { city: true, deliveryDays: true, isActive: true } });
          if (!point?.isActive) {
            throw new AppError("BAD_REQUEST", "That pickup point is closed or no longer exists. Choose another one.", {
              fields: { "delivery.pickupPointId": "Choose another pickup point" },
            });
          }
          deliveryCity = point.city;
          baseDays = point.deliveryDays;
        } else {
          deliveryCity = delivery.address.city;
          baseDays = COURIER_DAYS;
        }

        const cartLines = await readCartForCheckout(tx, userId);
        if (cartLines.length === 0) {
          // A duplicate submission may find the cart already emptied by the first one's commit.
          const placed = await tx.order.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey } }, select: { id: true } });
          if (placed) throw new PlacedConcurrently();
          throw new AppError("BAD_REQUEST", "Your cart is empty. Add something before checking out.");
        }

        const unsold = cartLines.filter(
          (l) => !l.variant.isActive || l.variant.product.status !== ProductStatus.ACTIVE || l.variant.product.seller.status === SellerStatus.SUSPENDED,
        );
        if (unsold.length > 0) {
          throw new AppError(
            "CONFLICT",
            `No longer sold: ${unsold.map((l) => `${l.variant.product.title}${variantLabel(l.variant.size, l.variant.color)}`).join("; ")}. Remove ${unsold.length === 1 ? "it" : "them"} from your cart and try again.`,
            { fields: Object.fromEntries(unsold.map((l) => [l.variantId, "No longer sold"])) },
          );
        }
        const currencies = new Set(cartLines.map((l) => l.variant.currency));
        if (currencies.size > 1) {
          throw new AppError("BAD_REQUEST", "Your cart has items priced in different currencies. Check out the items of one currency at a time.");
        }
        const currency = cartLines[0]!.variant.currency;
        const subtotalMinor = cartLines.reduce((sum, l) => sum + l.variant.priceMinor * l.quantity, 0);
        const deliveryMinor = delivery.method === "COURIER" ? (COURIER_FEE_MINOR[currency] ?? 0) : 0;
        const reservationExpiresAt = new Date(now.getTime() + reservationTtlMinutes() * 60_000);

        // The idempotency gate comes first: a concurrent duplicate blocks here on the unique
        // index until this transaction ends, then inserts nothing and returns our order.
        const orderId = randomUUID();
        const number = newOrderNumber(now);
        const inserted = await tx.order.createMany({
          skipDuplicates: true,
          data: {
            id: orderId,
            number,
            userId,
            currency,
            subtotalMinor,
            deliveryMinor,
            totalMinor: subtotalMinor + deliveryMinor,
            deliveryMethod: delivery.method,
            pickupPointId: delivery.method === "PICKUP" ? delivery.pickupPointId : null,
            deliveryAddress: delivery.method === "COURIER" ? delivery.address : undefined,
            contactName: contact.name,
            contactPhone: contact.phone,
            contactEmail: contact.email,
            idempotencyKey,
            reservationExpiresAt,
          },
        });
        if (inserted.count === 0) throw new PlacedConcurrently();

        const locked = await lockStock(tx, cartLines.map((l) => l.variantId));
        const { pieces, shortages } = allocateStock(cartLines, locked, deliveryCity);
        if (shortages.length > 0) {
          const describe = (s: (typeof shortages)[number]) => {
            const line = cartLines.find((l) => l.variantId === s.variantId)!;
            const name = `${line.variant.product.title}${variantLabel(line.variant.size, line.variant.color)}`;
            return s.available === 0 ? `${name} is sold out` : `${name}: only ${s.available} left, you asked for ${s.requested}`;
          };
          throw new AppError("CONFLICT", `Out of stock: ${shortages.map(describe).join("; ")}. Change your cart and try again; nothing was reserved.`, {
            fields: Object.fromEntries(shortages.map((s) => [s.variantId, s.available === 0 ? "Sold out" : `Only ${s.available} left`])),
          });
        }
        await reserveStock(tx, pieces);

        const lineOf = (piece: StockPiece) => cartLines.find((l) => l.variantId === piece.variantId)!;
        const partKey = (piece: StockPiece) => `${lineOf(piece).variant.product.sellerId}/${piece.warehouseId}`;
        const partIds = new Map<string, string>();
        const partTotals = new Map<string, number>();
        for (const piece of pieces) {
          const key = partKey(piece);
          if (!partIds.has(key)) partIds.set(key, randomUUID());
          partTotals.set(key, (partTotals.get(key) ?? 0) + lineOf(piece).variant.priceMinor * piece.quantity);
        }
        const parts = [...partIds].map(([key, id]) => {
          const [sellerId, warehouseId] = key.split("/") as [string, string];
          return { id, sellerId, warehouseId, subtotalMinor: partTotals.get(key)! };
        });
        const lineRows = pieces.map((piece) => {
          const { variant } = lineOf(piece);
          return {
            id: randomUUID(),
            orderPartId: partIds.get(partKey(piece))!,
            variantId: piece.variantId,
            warehouseId: piece.warehouseId,
            productId: variant.product.id,
            sku: variant.sku,
            title: variant.product.title,
            size: variant.size,
            color: variant.color,
            imageKey: variant.product.images[0]?.storageKey ?? null,
            unitPriceMinor: variant.priceMinor,
            compareAtMinor: variant.compareAtMinor,
            quantity: piece.quantity,
            lineTotalMinor: variant.priceMinor * piece.quantity,
          };
        });
        const days = deliveryDays(pieces, locked, deliveryCity, baseDays)!;
        // The order's parts, lines and reservations, its delivery estimate, the OrderPlaced event
        // and the emptied cart lines in one statement (foreign keys between the CTEs are checked
        // at its end): placing an order is the busiest write there is, and every round trip counts.
        const column = <K extends keyof (typeof lineRows)[number]>(key: K) => lineRows.map((line) => line[key]);
        await tx.$executeRaw`
          WITH parts AS (
            INSERT INTO "OrderPart" (id, "orderId", "sellerId", "warehouseId", "subtotalMinor", currency, "createdAt", "updatedAt")
            SELECT p.id, ${orderId}::uuid, p."sellerId", p."warehouseId", p."subtotalMinor", ${currency}::"Currency", ${now}, ${now}
              FROM unnest(${parts.map((p) => p.id)}::uuid[], ${parts.map((p) => p.sellerId)}::uuid[], ${parts.map((p) => p.warehouseId)}::uuid[], ${parts.map((p) => p.subtotalMinor)}::int[])
                   AS p(id, "sellerId", "warehouseId", "subtotalMinor")
          ), lines AS (
            INSERT INTO "OrderLine" (id, "orderId", "orderPartId", "variantId", "productId", sku, title, size, color, "imageKey", "unitPriceMinor", "compareAtMinor", quantity, "lineTotalMinor", currency)
            SELECT l.id, ${orderId}::uuid, l."orderPartId", l."variantId", l."productId", l.sku, l.title, l.size, l.color, l."imageKey", l."unitPriceMinor", l."compareAtMinor", l.quantity, l."lineTotalMinor", ${currency}::"Currency"
              FROM unnest(${column("id")}::uuid[], ${column("orderPartId")}::uuid[], ${column("variantId")}::uuid[], ${column("productId")}::uuid[], ${column("sku")}::text[], ${column("title")}::text[],
                          ${column("size")}::text[], ${column("color")}::text[], ${column("imageKey")}::text[], ${column("unitPriceMinor")}::int[], ${column("compareAtMinor")}::int[], ${column("quantity")}::int[], ${column("lineTotalMinor")}::int[])
                   AS l(id, "orderPartId", "variantId", "productId", sku, title, size, color, "imageKey", "unitPriceMinor", "compareAtMinor", quantity, "lineTotalMinor")
          ), reservations AS (
            INSERT INTO "Reservation" (id, "orderId", "orderLineId", "variantId", "warehouseId", quantity, "expiresAt", "createdAt", "updatedAt")
            SELECT r.id, ${orderId}::uuid, r."orderLineId", r."variantId", r."warehouseId", r.quantity, ${reservationExpiresAt}, ${now}, ${now}
              FROM unnest(${lineRows.map(() => newRowId())}::uuid[], ${column("id")}::uuid[], ${column("variantId")}::uuid[], ${column("warehouseId")}::uuid[], ${column("quantity")}::int[])
                   AS r(id, "orderLineId", "variantId", "warehouseId", quantity)
          ), estimate AS (
            UPDATE "Order" SET "deliveryEstimate" = ${new Date(`${addDays(now, days)}T00:00:00Z`)}, "updatedAt" = ${now} WHERE id = ${orderId}::uuid
          ), placed AS (
            ${outboxEventInsert({ type: "OrderPlaced", aggregateType: "Order", aggregateId: orderId, payload: { orderId, number }, requestId }).insert}
          )
          DELETE FROM "CartLine" l USING "Cart" c
           WHERE c.id = l."cartId" AND c."userId" = ${userId}::uuid AND l."variantId" = ANY(${cartLines.map((l) => l.variantId)}::uuid[])`;

        return { orderId, number, totalMinor: subtotalMinor + deliveryMinor, currency, reservationExpiresAt, created: true };
      },
      // Bursts (a sale on a popular item) queue for a connection and for the stock row lock
      // rather than failing.
      { maxWait: 10_000, timeout: 20_000 },
    );
  }
}
