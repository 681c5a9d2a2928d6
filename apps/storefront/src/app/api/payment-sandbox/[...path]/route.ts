// The payment sandbox's Stripe-compatible API (only without STRIPE_SECRET_KEY): see
// packages/api/src/http/payment-sandbox.ts.
import { createPaymentSandboxHandler } from "@market/api/http";

const handle = createPaymentSandboxHandler();
export { handle as GET, handle as POST };
export const dynamic = "force-dynamic";
