// Who consumes each outbox event. Every consumer is idempotent (see OutboxHandler); domains add
// theirs here as they are built (notifications, pick requests to the warehouse, refunds).
import { orderPaidNotification } from "@market/domain/notifications";
import type { OutboxHandlers } from "@market/domain/outbox";

export const outboxHandlers: OutboxHandlers = {
  OrderPaid: [orderPaidNotification],
};
