// The sandbox's rows as the Stripe API objects they stand for, with the fields Stripe sends
// (the ones code commonly reads are all there; the rest are null like a plain card payment).
import type { SandboxPaymentIntent, SandboxRefund } from "@market/db";
import { unixSeconds } from "./ids.ts";

const ts = (date: Date | null) => (date ? unixSeconds(date) : null);

export function paymentIntentObject(pi: SandboxPaymentIntent) {
  return {
    id: pi.id,
    object: "payment_intent",
    amount: pi.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: pi.amountReceived,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: { allow_redirects: "never", enabled: true },
    canceled_at: ts(pi.canceledAt),
    cancellation_reason: pi.cancellationReason,
    capture_method: "automatic_async",
    client_secret: pi.clientSecret,
    confirmation_method: "automatic",
    created: unixSeconds(pi.created),
    currency: pi.currency,
    customer: null,
    description: pi.description,
    last_payment_error: pi.lastPaymentError ?? null,
    latest_charge: pi.latestChargeId,
    livemode: false,
    metadata: pi.metadata as Record<string, string>,
    next_action: null,
    on_behalf_of: null,
    payment_method: pi.paymentMethodId,
    payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" } },
    payment_method_types: ["card"],
    processing: pi.status === "processing" ? { type: "card", card: {} } : null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: pi.status,
    transfer_data: null,
    transfer_group: null,
  };
}

export function refundObject(refund: SandboxRefund) {
  return {
    id: refund.id,
    object: "refund",
    amount: refund.amount,
    balance_transaction: null,
    charge: refund.chargeId,
    created: unixSeconds(refund.created),
    currency: refund.currency,
    destination_details: { card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" }, type: "card" },
    metadata: refund.metadata as Record<string, string>,
    payment_intent: refund.paymentIntentId,
    reason: refund.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: refund.status,
    transfer_reversal: null,
  };
}

/** The charge of a succeeded PaymentIntent (the sandbox keeps it on the intent's row). */
export function chargeObject(pi: SandboxPaymentIntent, refunds: SandboxRefund[]) {
  const amountRefunded = refunds.filter((r) => r.status === "succeeded").reduce((sum, r) => sum + r.amount, 0);
  return {
    id: pi.latestChargeId!,
    object: "charge",
    amount: pi.amount,
    amount_captured: pi.amountReceived,
    amount_refunded: amountRefunded,
    application: null,
    application_fee: null,
    balance_transaction: null,
    billing_details: { address: null, email: null, name: null, phone: null },
    calculated_statement_descriptor: "MARKETPLACE",
    captured: true,
    created: unixSeconds(pi.updatedAt),
    currency: pi.currency,
    customer: null,
    description: pi.description,
    disputed: false,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: pi.metadata as Record<string, string>,
    outcome: { network_status: "approved_by_network", reason: null, risk_level: "normal", seller_message: "Payment complete.", type: "authorized" },
    paid: true,
    payment_intent: pi.id,
    payment_method: pi.paymentMethodId,
    payment_method_details: {
      card: { brand: pi.cardBrand, country: "US", exp_month: pi.cardExpMonth, exp_year: pi.cardExpYear, funding: "credit", last4: pi.cardLast4 },
      type: "card",
    },
    receipt_url: null,
    refunded: amountRefunded >= pi.amount,
    refunds: {
      object: "list",
      data: refunds.map(refundObject),
      has_more: false,
      total_count: refunds.length,
      url: `/v1/charges/${pi.latestChargeId}/refunds`,
    },
    status: "succeeded",
  };
}
