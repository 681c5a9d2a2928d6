// Who consumes each outbox event. Every consumer is idempotent (see OutboxHandler); domains add
// theirs here as they are built (notifications, pick requests to the warehouse, refunds) and
// name the event in CONSUMED_OUTBOX_EVENTS, which is what makes its writers queue a delivery.
import { cancelPartPickHandler, cancelPicksHandler, requestPicksHandler } from "@market/domain/fulfilment";
import { orderPaidNotification, partStatusNotification } from "@market/domain/notifications";
import type { ConsumedOutboxHandlers } from "@market/domain/outbox";
import { refundOrderPartHandler, refundPaymentHandler, refundReturnHandler } from "@market/domain/payments";

export const outboxHandlers: ConsumedOutboxHandlers = {
  // Pick requests first: consumers run in order, and a failing later one must not hold them up.
  OrderPaid: [requestPicksHandler, orderPaidNotification],
  // Parts the warehouse was asked to pick are cancelled there too.
  OrderCancelled: [cancelPicksHandler],
  // The shopper hears of each step of each package once (notifications.part-status).
  OrderPartStatusChanged: [cancelPartPickHandler, partStatusNotification],
  // A payment that arrived for an order already cancelled, or a paid order the shopper
  // cancelled before it shipped: the money goes back to the shopper.
  PaymentRefundRequired: [refundPaymentHandler],
  // A seller accepted a return: the returned items' price goes back (returns.refund).
  ReturnRefundRequired: [refundReturnHandler],
  // A seller cancelled one parcel before it shipped: its price goes back (payments.refund-part).
  OrderPartRefundRequired: [refundOrderPartHandler],
};
