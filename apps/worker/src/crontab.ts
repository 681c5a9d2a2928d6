// Recurring jobs, in graphile-worker's crontab format. graphile-worker makes sure each one runs
// once per slot however many workers there are.
import { RECONCILE_PAYMENTS_CRONTAB } from "@market/domain/payments";

export const crontab = [
  // Payments still open after PAYMENT_RECONCILE_AFTER_MINUTES: ask the provider (lost webhooks).
  RECONCILE_PAYMENTS_CRONTAB,
].join("\n");
