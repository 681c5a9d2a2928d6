// Recurring jobs, in graphile-worker's crontab format. graphile-worker makes sure each one runs
// once per slot however many workers there are.
import { EXPIRE_DUE_ORDERS_CRONTAB } from "@market/domain/checkout";
import { RECONCILE_PAYMENTS_CRONTAB } from "@market/domain/payments";
import { PRUNE_IDEMPOTENCY_RECORDS_CRONTAB } from "@market/domain/seller-api";
import { PRUNE_ORPHANED_FILES_CRONTAB } from "@market/domain/files";

export const crontab = [
  // Unpaid orders whose reservation ended: queue their expiry (every minute).
  EXPIRE_DUE_ORDERS_CRONTAB,
  // Payments still open after PAYMENT_RECONCILE_AFTER_MINUTES: ask the provider (lost webhooks).
  RECONCILE_PAYMENTS_CRONTAB,
  // Seller API Idempotency-Key records past their 24 hours, daily.
  PRUNE_IDEMPOTENCY_RECORDS_CRONTAB,
  // Uploads no row references (abandoned forms, replaced logos, CSVs never imported), daily.
  PRUNE_ORPHANED_FILES_CRONTAB,
].join("\n");
