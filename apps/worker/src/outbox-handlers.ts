// Who consumes each outbox event. Every consumer is idempotent (see OutboxHandler); domains add
// theirs here as they are built (notifications, pick requests to the warehouse, refunds).
import { orderPaidNotification } from "@market/domain/notifications";
import type { OutboxHandlers } from "@market/domain/outbox";
import { refundPaymentHandler } from "@market/domain/payments";

export const outboxHandlers: OutboxHandlers = {
  OrderPaid: [orderPaidNotification],
  // A payment that arrived for an order already cancelled goes back to the shopper.
  PaymentRefundRequired: [refundPaymentHandler],
};
