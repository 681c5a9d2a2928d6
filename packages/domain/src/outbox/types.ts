// What the outbox carries. Each event type has one payload shape, checked when it is written and
// again when it is delivered (an event may wait in the table across a deployment).
import { z } from "zod";

export const outboxPayloadSchemas = {
  /** The order was placed and its stock reserved; payment is awaited. */
  OrderPlaced: z.object({ orderId: z.string().uuid(), number: z.string() }),
  /** The payment succeeded: the stock is sold and the order can be fulfilled. */
  OrderPaid: z.object({ orderId: z.string().uuid(), number: z.string(), paymentId: z.string().uuid() }),
  /** The order will not be fulfilled (expired, cancelled); its reservations were released. */
  OrderCancelled: z.object({ orderId: z.string().uuid(), number: z.string(), reason: z.string() }),
  /** A payment succeeded for an order that can no longer be fulfilled: the money goes back. */
  PaymentRefundRequired: z.object({ paymentId: z.string().uuid(), orderId: z.string().uuid(), reason: z.string() }),
  /**
   * A seller part moved forwards (warehouse webhook or the seller's own shipping actions).
   * `status` is the part's new FulfilmentStatus.
   */
  OrderPartStatusChanged: z.object({
    orderId: z.string().uuid(),
    orderPartId: z.string().uuid(),
    number: z.string(),
    status: z.enum(["ACCEPTED", "PICKING", "PACKED", "SHIPPED", "READY_FOR_PICKUP", "DELIVERED", "CANCELLED", "RETURNED"]),
    trackingNumber: z.string().nullable(),
  }),
  /** A seller accepted a return: the returned items' price goes back to the shopper. */
  ReturnRefundRequired: z.object({ returnRequestId: z.string().uuid(), paymentId: z.string().uuid(), orderId: z.string().uuid(), amountMinor: z.number().int().positive() }),
  /** A seller cancelled one parcel of a paid order: its price goes back (refund:part:<partId>). */
  OrderPartRefundRequired: z.object({ orderPartId: z.string().uuid(), paymentId: z.string().uuid(), orderId: z.string().uuid(), amountMinor: z.number().int().positive(), reason: z.string() }),
  /** The provider confirmed a refund. */
  PaymentRefunded: z.object({ paymentId: z.string().uuid(), orderId: z.string().uuid(), amountMinor: z.number().int() }),
} as const;

export type OutboxEventType = keyof typeof outboxPayloadSchemas;

/**
 * The events something consumes (the worker's map in apps/worker/src/outbox-handlers.ts must
 * name exactly these, see ConsumedOutboxHandlers). The others are recorded as history without a
 * delivery job: a job per placed order that runs no consumer is pure load on the busiest path.
 * Adding a consumer for one of them means adding its type here.
 */
export const CONSUMED_OUTBOX_EVENTS = [
  "OrderPaid",
  "OrderCancelled",
  "OrderPartStatusChanged",
  "PaymentRefundRequired",
  "ReturnRefundRequired",
  "OrderPartRefundRequired",
] as const satisfies readonly OutboxEventType[];
export type ConsumedOutboxEventType = (typeof CONSUMED_OUTBOX_EVENTS)[number];

export function isConsumedOutboxEvent(type: OutboxEventType): type is ConsumedOutboxEventType {
  return (CONSUMED_OUTBOX_EVENTS as readonly OutboxEventType[]).includes(type);
}
export type OutboxPayload<T extends OutboxEventType> = z.infer<(typeof outboxPayloadSchemas)[T]>;

export type OutboxEvent<T extends OutboxEventType = OutboxEventType> = {
  id: string;
  type: T;
  aggregateType: string;
  aggregateId: string;
  payload: OutboxPayload<T>;
  requestId: string | null;
  createdAt: Date;
};

/**
 * A consumer of one event type. It may run more than once for the same event (a retry after a
 * crash between its effect and the event being marked done), so it must be idempotent: use the
 * event id or the aggregate as a dedupe key.
 */
export type OutboxHandler<T extends OutboxEventType = OutboxEventType> = {
  /** Stable name, shown to operators and recorded with failures. */
  name: string;
  handle: (event: OutboxEvent<T>) => Promise<void>;
};

export type OutboxHandlers = { [T in OutboxEventType]?: OutboxHandler<T>[] };
/** The worker's full map: every consumed event has its consumers, and no other event has any. */
export type ConsumedOutboxHandlers = { [T in ConsumedOutboxEventType]: OutboxHandler<T>[] };
