// Who consumes each outbox event. Every consumer is idempotent (see OutboxHandler); domains add
// theirs here as they are built (notifications, pick requests to the warehouse, refunds).
import type { OutboxHandlers } from "@market/domain/outbox";

export const outboxHandlers: OutboxHandlers = {};
