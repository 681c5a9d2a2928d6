// Payments: Stripe PaymentIntents, or the Stripe-compatible payment sandbox when no
// STRIPE_SECRET_KEY is set (same SDK, same webhook route, same code path).
import type { TaskList } from "graphile-worker";
import { reconcilePaymentsTask, RECONCILE_PAYMENTS_TASK } from "./reconcile.ts";
import { deliverSandboxEventTask, SANDBOX_DELIVER_EVENT_TASK, SANDBOX_SETTLE_TASK, settleSandboxPaymentIntentTask } from "./sandbox/index.ts";

export { applyChargeRefunded, applyPaymentIntent, paymentStatusOf, type ApplyOutcome, type IntentSnapshot } from "./apply-provider-state.ts";
export { paymentConfig, SANDBOX_PATH_PREFIX, type PaymentConfig, type PaymentMode } from "./config.ts";
export { getPaymentPage, getPaymentProgress, type PaymentPage, type PaymentProgress } from "./payment-page.ts";
export {
  cancelPaymentAtProvider,
  reconcileOpenPayments,
  reconcilePayment,
  RECONCILE_PAYMENTS_CRONTAB,
  RECONCILE_PAYMENTS_TASK,
  settlePaymentBeforeExpiry,
  type CancelAtProviderResult,
  type ReconcileResult,
} from "./reconcile.ts";
export { refundPaymentHandler, refundUnfulfillablePayment } from "./refund-payment.ts";
export { partRefundKey, refundOrderPartHandler, refundReturn, refundReturnHandler, refundThroughProvider, returnRefundKey, RefundPendingError, type ReturnRefundOutcome } from "./refund-return.ts";
export { orderNumberInput, orderNumberSchema, type OrderNumberInput } from "./schemas.ts";
export { startPayment, type PaymentSession } from "./start-payment.ts";
export { processStripeEvent, verifyStripeWebhook, WebhookSignatureError, type WebhookOutcome } from "./stripe-webhook.ts";
export { handleSandboxRequest, SANDBOX_TEST_CARDS, type SandboxCardOutcome, type SandboxRequest, type SandboxResponse } from "./sandbox/index.ts";

/** The worker's payment jobs: reconciliation (cron) and the sandbox's webhook sender and clock. */
export const paymentTaskList: TaskList = {
  [RECONCILE_PAYMENTS_TASK]: reconcilePaymentsTask,
  [SANDBOX_DELIVER_EVENT_TASK]: deliverSandboxEventTask,
  [SANDBOX_SETTLE_TASK]: settleSandboxPaymentIntentTask,
};
