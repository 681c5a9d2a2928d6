// Placing an order: one statement turns the shopper's cart into an order with a price snapshot,
// split into one part per seller and warehouse, with the stock reserved. Either all of it happens
// or none of it does.
//
// Two round trips and no transaction held open between them: one statement reads what the order
// needs (readCheckout), the code decides (prices, warehouses, delivery date), and one statement
// writes it all. The write re-checks what could have changed: the order's unique key makes a
// duplicate submission insert nothing, and the Stock table's CHECK (reserved <= "onHand") fails
// the whole statement when a row no longer has the units, after which the placement starts again
// from a fresh read (which then names the line that ran short). Stock rows are locked only for
// the length of that one statement, which is what lets a burst on one product through quickly
// (they were locked across five round trips before).
import { randomUUID } from "node:crypto";
import { getPrisma, newRowId, Prisma, ProductStatus, SellerStatus, type Currency } from "@market/db";
import { addDays } from "../delivery/index.ts";
import { AppError } from "../errors.ts";
import { outboxEventInsert } from "../outbox/index.ts";
import { searchSyncJob } from "../search/index.ts";
import { allocateStock, deliveryDays, type StockPiece } from "./allocate-stock.ts";
import { COURIER_DAYS, COURIER_FEE_MINOR, reservationTtlMinutes } from "./config.ts";
import { newOrderNumber } from "./order-number.ts";
import { readCheckout, type CheckoutLine, type EarlierOrder } from "./read-checkout.ts";
import { reserveStock, stockChangedSinceRead } from "./reservations.ts";
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

/**
 * Reads and writes before giving up. A try is repeated when a stock row ran short between the
 * read and the write (each repeat sees the new numbers, so an exhausted row is named rather than
 * retried), when a concurrent duplicate placed the order first, or on the rare clash of a random
 * order number.
 */
const MAX_TRIES = 5;

const variantLabel = (size: string | null, color: string | null) => {
  const parts = [size, color].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
};

const lineName = (line: CheckoutLine) => `${line.variant.product.title}${variantLabel(line.variant.size, line.variant.color)}`;

function asPlaced(order: EarlierOrder): PlacedOrder {
  return {
    orderId: order.id,
    number: order.number,
    totalMinor: order.totalMinor,
    currency: order.currency,
    reservationExpiresAt: order.reservationExpiresAt ? new Date(order.reservationExpiresAt) : null,
    created: false,
  };
}

/**
 * Places the shopper's cart as an order. Idempotent per (shopper, idempotencyKey): the same
 * submission sent many times at once creates one order, and every call returns it. Concurrent
 * checkouts cannot oversell; if any line cannot be served, nothing is reserved and the error
 * names the lines.
 */
export async function placeOrder(
  userId: string,
  input: PlaceOrderInput,
  { requestId, now = new Date() }: { requestId?: string; now?: Date } = {},
): Promise<PlacedOrder> {
  const { idempotencyKey, delivery, contact } = placeOrderInput.parse(input);
  const prisma = getPrisma();
  for (let attempt = 1; ; attempt++) {
    const state = await readCheckout(prisma, { userId, idempotencyKey, pickupPointId: delivery.method === "PICKUP" ? delivery.pickupPointId : null });
    if (state.earlier) return asPlaced(state.earlier);

    let deliveryCity: string;
    let baseDays: number;
    if (delivery.method === "PICKUP") {
      if (!state.pickupPoint?.isActive) {
        throw new AppError("BAD_REQUEST", "That pickup point is closed or no longer exists. Choose another one.", {
          fields: { "delivery.pickupPointId": "Choose another pickup point" },
        });
      }
      deliveryCity = state.pickupPoint.city;
      baseDays = state.pickupPoint.deliveryDays;
    } else {
      deliveryCity = delivery.address.city;
      baseDays = COURIER_DAYS;
    }

    const cartLines = state.lines;
    if (cartLines.length === 0) throw new AppError("BAD_REQUEST", "Your cart is empty. Add something before checking out.");
    const unsold = cartLines.filter(
      (l) => !l.variant.isActive || l.variant.product.status !== ProductStatus.ACTIVE || l.variant.product.seller.status === SellerStatus.SUSPENDED,
    );
    if (unsold.length > 0) {
      throw new AppError(
        "CONFLICT",
        `No longer sold: ${unsold.map(lineName).join("; ")}. Remove ${unsold.length === 1 ? "it" : "them"} from your cart and try again.`,
        { fields: Object.fromEntries(unsold.map((l) => [l.variantId, "No longer sold"])) },
      );
    }
    const currencies = new Set(cartLines.map((l) => l.variant.currency));
    if (currencies.size > 1) {
      throw new AppError("BAD_REQUEST", "Your cart has items priced in different currencies. Check out the items of one currency at a time.");
    }

    const { pieces, shortages } = allocateStock(cartLines, state.stock, deliveryCity);
    if (shortages.length > 0) {
      const describe = (s: (typeof shortages)[number]) => {
        const name = lineName(cartLines.find((l) => l.variantId === s.variantId)!);
        return s.available === 0 ? `${name} is sold out` : `${name}: only ${s.available} left, you asked for ${s.requested}`;
      };
      throw new AppError("CONFLICT", `Out of stock: ${shortages.map(describe).join("; ")}. Change your cart and try again; nothing was reserved.`, {
        fields: Object.fromEntries(shortages.map((s) => [s.variantId, s.available === 0 ? "Sold out" : `Only ${s.available} left`])),
      });
    }

    const order = orderRows({ userId, idempotencyKey, delivery, contact, requestId, now, cartLines, pieces, days: deliveryDays(pieces, state.stock, deliveryCity, baseDays)! });
    try {
      const [written] = await prisma.$queryRaw<{ placed: number }[]>(order.statement);
      if (written!.placed === 1) return order.placed;
      // Nothing was inserted: a concurrent submission with this key placed it first (the next
      // read returns it), or the random order number clashed (the next try draws another).
    } catch (error) {
      if (!stockChangedSinceRead(error)) throw error;
      // A stock row ran short since the read: read again and decide with the new numbers.
    }
    if (attempt === MAX_TRIES) {
      throw new AppError("CONFLICT", "The stock of the items in your cart kept changing while the order was being placed. Nothing was reserved; please try again.");
    }
  }
}

type OrderInput = {
  userId: string;
  idempotencyKey: string;
  delivery: PlaceOrderInput["delivery"];
  contact: PlaceOrderInput["contact"];
  requestId: string | undefined;
  now: Date;
  cartLines: CheckoutLine[];
  pieces: StockPiece[];
  days: number;
};

/**
 * The order, its parts, lines and reservations, the reserved stock, the OrderPlaced event, a
 * search sync for products this sold out, and the emptied cart lines: one statement, every part
 * of it written only if the order row was inserted (foreign keys between the CTEs are checked
 * at its end). Answers { placed: 1 } when it was.
 */
function orderRows({ userId, idempotencyKey, delivery, contact, requestId, now, cartLines, pieces, days }: OrderInput): { statement: Prisma.Sql; placed: PlacedOrder } {
  const currency = cartLines[0]!.variant.currency;
  const subtotalMinor = cartLines.reduce((sum, l) => sum + l.variant.priceMinor * l.quantity, 0);
  const deliveryMinor = delivery.method === "COURIER" ? (COURIER_FEE_MINOR[currency] ?? 0) : 0;
  const totalMinor = subtotalMinor + deliveryMinor;
  const reservationExpiresAt = new Date(now.getTime() + reservationTtlMinutes() * 60_000);
  const orderId = randomUUID();
  const number = newOrderNumber(now);

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
  const column = <K extends keyof (typeof lineRows)[number]>(key: K) => lineRows.map((line) => line[key]);
  const inserted = Prisma.sql`EXISTS (SELECT 1 FROM placed)`;
  const placedEvent = outboxEventInsert({ type: "OrderPlaced", aggregateType: "Order", aggregateId: orderId, payload: { orderId, number }, requestId }, inserted);

  const statement = Prisma.sql`
    WITH placed AS (
      INSERT INTO "Order" (id, number, "userId", currency, "subtotalMinor", "deliveryMinor", "totalMinor", "deliveryMethod", "pickupPointId", "deliveryAddress",
                           "deliveryEstimate", "contactName", "contactPhone", "contactEmail", "idempotencyKey", "reservationExpiresAt", "createdAt", "updatedAt")
      VALUES (${orderId}::uuid, ${number}, ${userId}::uuid, ${currency}::"Currency", ${subtotalMinor}, ${deliveryMinor}, ${totalMinor}, ${delivery.method}::"DeliveryMethod",
              ${delivery.method === "PICKUP" ? delivery.pickupPointId : null}::uuid, ${delivery.method === "COURIER" ? JSON.stringify(delivery.address) : null}::jsonb,
              ${new Date(`${addDays(now, days)}T00:00:00Z`)}, ${contact.name}, ${contact.phone}, ${contact.email}, ${idempotencyKey}, ${reservationExpiresAt}, ${now}, ${now})
      ON CONFLICT DO NOTHING
      RETURNING id
    ), reserved AS (
      ${reserveStock(pieces, inserted)}
    ), parts AS (
      INSERT INTO "OrderPart" (id, "orderId", "sellerId", "warehouseId", "subtotalMinor", currency, "createdAt", "updatedAt")
      SELECT p.id, ${orderId}::uuid, p."sellerId", p."warehouseId", p."subtotalMinor", ${currency}::"Currency", ${now}, ${now}
        FROM unnest(${parts.map((p) => p.id)}::uuid[], ${parts.map((p) => p.sellerId)}::uuid[], ${parts.map((p) => p.warehouseId)}::uuid[], ${parts.map((p) => p.subtotalMinor)}::int[])
             AS p(id, "sellerId", "warehouseId", "subtotalMinor")
       WHERE ${inserted}
    ), lines AS (
      INSERT INTO "OrderLine" (id, "orderId", "orderPartId", "variantId", "productId", sku, title, size, color, "imageKey", "unitPriceMinor", "compareAtMinor", quantity, "lineTotalMinor", currency)
      SELECT l.id, ${orderId}::uuid, l."orderPartId", l."variantId", l."productId", l.sku, l.title, l.size, l.color, l."imageKey", l."unitPriceMinor", l."compareAtMinor", l.quantity, l."lineTotalMinor", ${currency}::"Currency"
        FROM unnest(${column("id")}::uuid[], ${column("orderPartId")}::uuid[], ${column("variantId")}::uuid[], ${column("productId")}::uuid[], ${column("sku")}::text[], ${column("title")}::text[],
                    ${column("size")}::text[], ${column("color")}::text[], ${column("imageKey")}::text[], ${column("unitPriceMinor")}::int[], ${column("compareAtMinor")}::int[], ${column("quantity")}::int[], ${column("lineTotalMinor")}::int[])
             AS l(id, "orderPartId", "variantId", "productId", sku, title, size, color, "imageKey", "unitPriceMinor", "compareAtMinor", quantity, "lineTotalMinor")
       WHERE ${inserted}
    ), reservations AS (
      INSERT INTO "Reservation" (id, "orderId", "orderLineId", "variantId", "warehouseId", quantity, "expiresAt", "createdAt", "updatedAt")
      SELECT r.id, ${orderId}::uuid, r."orderLineId", r."variantId", r."warehouseId", r.quantity, ${reservationExpiresAt}, ${now}, ${now}
        FROM unnest(${lineRows.map(() => newRowId())}::uuid[], ${column("id")}::uuid[], ${column("variantId")}::uuid[], ${column("warehouseId")}::uuid[], ${column("quantity")}::int[])
             AS r(id, "orderLineId", "variantId", "warehouseId", quantity)
       WHERE ${inserted}
    ), announced AS (
      ${placedEvent.insert}
    ), emptied AS (
      DELETE FROM "CartLine" l USING "Cart" c
       WHERE c.id = l."cartId" AND c."userId" = ${userId}::uuid AND l."variantId" = ANY(${cartLines.map((l) => l.variantId)}::uuid[]) AND ${inserted}
    ), sold_out AS (
      -- Listings show only whether a product is in stock: the index needs it again only when this ran a row out.
      SELECT array_agg(DISTINCT "ranOutOf"::text) AS ids FROM reserved WHERE "ranOutOf" IS NOT NULL
    ), resynced AS (
      ${searchSyncJob(Prisma.sql`sold_out.ids`)} FROM sold_out WHERE sold_out.ids IS NOT NULL
    )
    SELECT (SELECT count(*) FROM placed)::int AS placed, (SELECT count(*) FROM resynced)::int AS resynced`;
  return { statement, placed: { orderId, number, totalMinor, currency, reservationExpiresAt, created: true } };
}
