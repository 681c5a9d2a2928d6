export { createDeliverOutboxEventTask, deliverOutboxEvent, type DeliveryResult } from "./deliver-outbox-event.ts";
export { DELIVER_OUTBOX_EVENT_TASK, OUTBOX_MAX_ATTEMPTS, writeOutboxEvent, type NewOutboxEvent } from "./write-outbox-event.ts";
export {
  outboxPayloadSchemas,
  type OutboxEvent,
  type OutboxEventType,
  type OutboxHandler,
  type OutboxHandlers,
  type OutboxPayload,
} from "./types.ts";
