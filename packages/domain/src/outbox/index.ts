export { createDeliverOutboxEventTask, deliverOutboxEvent, type DeliveryResult } from "./deliver-outbox-event.ts";
export { DELIVER_OUTBOX_EVENT_TASK, OUTBOX_MAX_ATTEMPTS, outboxEventInsert, writeOutboxEvent, type NewOutboxEvent } from "./write-outbox-event.ts";
export {
  CONSUMED_OUTBOX_EVENTS,
  isConsumedOutboxEvent,
  outboxPayloadSchemas,
  type ConsumedOutboxHandlers,
  type OutboxEvent,
  type OutboxEventType,
  type OutboxHandler,
  type OutboxHandlers,
  type OutboxPayload,
} from "./types.ts";
