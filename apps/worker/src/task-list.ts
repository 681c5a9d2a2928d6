// Every job the worker runs, by name. Domains add their jobs here as they are built
// (outbox delivery, reservation expiry, payment reconciliation, search indexing, pick requests).
import { SYNC_PRODUCTS_TASK, syncProductsTask } from "@market/domain/search";
import { createDeliverOutboxEventTask, DELIVER_OUTBOX_EVENT_TASK } from "@market/domain/outbox";
import { createExpireOrderTask, EXPIRE_DUE_ORDERS_TASK, expireDueOrdersTask, EXPIRE_ORDER_TASK } from "@market/domain/checkout";
import { paymentTaskList, settlePaymentBeforeExpiry } from "@market/domain/payments";
import { warehouseTaskList } from "@market/domain/fulfilment";
import { notificationTaskList } from "@market/domain/notifications";
import { PRUNE_IDEMPOTENCY_RECORDS_TASK, pruneIdempotencyRecordsTask } from "@market/domain/seller-api";
import { PRUNE_ORPHANED_FILES_TASK, pruneOrphanedFilesTask } from "@market/domain/files";
import type { TaskList } from "graphile-worker";
import { outboxHandlers } from "./outbox-handlers.ts";
import { sellerImportTaskList } from "./tasks/seller-import.ts";

export const taskList: TaskList = {
  // Catalogue changes queued by enqueueSearchSync in the changing transaction.
  [SYNC_PRODUCTS_TASK]: syncProductsTask,
  // Events written by writeOutboxEvent in the changing transaction.
  [DELIVER_OUTBOX_EVENT_TASK]: createDeliverOutboxEventTask(outboxHandlers),
  // Unpaid orders at the end of their reservation, queued by the minute's sweep (cron): the
  // payment intent is cancelled first (or found paid), then the order is cancelled and its stock
  // released.
  [EXPIRE_DUE_ORDERS_TASK]: expireDueOrdersTask,
  [EXPIRE_ORDER_TASK]: createExpireOrderTask(settlePaymentBeforeExpiry),
  // Payment reconciliation (cron, see crontab.ts) and the payment sandbox's webhook sender and clock.
  ...paymentTaskList,
  // Pick requests and their cancellations, sent to the warehouse with retries (see warehouse-jobs.ts).
  ...warehouseTaskList,
  // Emails queued by queueEmail when SMTP_URL is set, sent with retries (see send-email.ts).
  ...notificationTaskList,
  // Sellers' CSV imports, queued with their ImportJob row (see tasks/seller-import.ts).
  ...sellerImportTaskList,
  // Seller API Idempotency-Key answers older than a day (cron, see crontab.ts).
  [PRUNE_IDEMPOTENCY_RECORDS_TASK]: pruneIdempotencyRecordsTask,
  // Stored uploads no row references, older than a day (cron, see crontab.ts and files/prune-orphans.ts).
  [PRUNE_ORPHANED_FILES_TASK]: pruneOrphanedFilesTask,
};
