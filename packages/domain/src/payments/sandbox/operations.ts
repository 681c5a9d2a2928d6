// What the sandbox's API endpoints do, each inside the request's transaction. The state machine
// is Stripe's for a card PaymentIntent with automatic capture:
//   requires_payment_method --confirm--> succeeded | processing (slow card) | requires_payment_method (declined, retry allowed)
//   processing --clock--> succeeded;  requires_payment_method --cancel--> canceled
// Refunds apply to a succeeded intent's charge, up to the amount received.
import { Prisma, type SandboxPaymentIntent } from "@market/db";
import type { Db } from "../../db.ts";
import type { PaymentConfig } from "../config.ts";
import { attemptCharge, readCard } from "./cards.ts";
import { invalidRequest, resourceMissing, SandboxError, unexpectedState } from "./errors.ts";
import { recordSandboxEvent, sandboxEventInsert, type EventOrigin } from "./events.ts";
import type { FormObject, FormValue } from "./form.ts";
import { newSandboxId, randomToken } from "./ids.ts";
import { chargeObject, paymentIntentObject, refundObject } from "./objects.ts";

export const SANDBOX_SETTLE_TASK = "payment-sandbox.settle-payment-intent";

export type SandboxCall = {
  tx: Db;
  params: FormObject;
  /** "secret": the API key; "client": no key, the PaymentIntent's client_secret must be given (the browser). */
  auth: "secret" | "client";
  origin: EventOrigin;
  now: Date;
  config: PaymentConfig;
};

export type SandboxResult = { status: number; body: unknown };

const ok = (body: unknown): SandboxResult => ({ status: 200, body });

function allowOnly(params: FormObject, allowed: string[]) {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) throw invalidRequest(`Received unknown parameter: ${key}`, { param: key });
  }
}

function str(value: FormValue | undefined, param: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalidRequest(`Invalid string: ${JSON.stringify(value)}`, { param });
  return value;
}

function positiveInteger(value: FormValue | undefined, param: string): number | undefined {
  const raw = str(value, param);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw invalidRequest(`Invalid integer: ${raw}`, { param });
  const n = Number(raw);
  if (n < 1) throw invalidRequest("This value must be greater than or equal to 1.", { param, code: "parameter_invalid_integer" });
  if (n > 99_999_999) throw invalidRequest("Amount must be no more than 99999999.", { param, code: "amount_too_large" });
  return n;
}

function metadata(value: FormValue | undefined): Record<string, string> {
  if (value === undefined || value === "") return {};
  if (typeof value !== "object" || Array.isArray(value)) throw invalidRequest("Invalid object", { param: "metadata" });
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== "string") throw invalidRequest("Invalid string", { param: `metadata[${key}]` });
    if (key.length > 40 || v.length > 500) throw invalidRequest("Metadata keys are limited to 40 characters and values to 500.", { param: `metadata[${key}]` });
    out[key] = v;
  }
  return out;
}

async function lockIntent(tx: Db, id: string): Promise<SandboxPaymentIntent> {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "SandboxPaymentIntent" WHERE id = ${id} FOR UPDATE`;
  if (!locked) throw resourceMissing("payment_intent", id, "intent");
  return tx.sandboxPaymentIntent.findUniqueOrThrow({ where: { id } });
}

function checkClientSecret(call: SandboxCall, pi: SandboxPaymentIntent) {
  if (call.auth === "secret") return;
  if (call.params.client_secret !== pi.clientSecret) {
    throw invalidRequest("The client_secret provided does not match the client_secret associated with the PaymentIntent.", { param: "client_secret" });
  }
}

/**
 * An operation that only inserts rows, all of them known before the database is asked anything:
 * its answer, and its INSERTs, each written only when `when` holds. api.ts runs them together
 * with the Idempotency-Key's claim as one statement; creating a PaymentIntent, the call every
 * checkout makes, is one.
 */
export type InsertOnlyOperation = { result: SandboxResult; inserts: (when: Prisma.Sql) => Prisma.Sql[] };

export function planPaymentIntent(call: Omit<SandboxCall, "tx">): InsertOnlyOperation {
  const { params, now } = call;
  allowOnly(params, ["amount", "currency", "metadata", "description", "automatic_payment_methods", "payment_method_types", "receipt_email", "expand"]);
  const amount = positiveInteger(params.amount, "amount");
  if (amount === undefined) throw invalidRequest("Missing required param: amount.", { param: "amount", code: "parameter_missing" });
  const currency = str(params.currency, "currency")?.toLowerCase();
  if (!currency) throw invalidRequest("Missing required param: currency.", { param: "currency", code: "parameter_missing" });
  if (!/^[a-z]{3}$/.test(currency)) throw invalidRequest(`Invalid currency: ${currency}.`, { param: "currency" });
  const id = newSandboxId("pi");
  const pi: SandboxPaymentIntent = {
    id,
    clientSecret: `${id}_secret_${randomToken(25)}`,
    amount,
    currency,
    status: "requires_payment_method",
    description: str(params.description, "description") ?? null,
    metadata: metadata(params.metadata),
    amountReceived: 0,
    latestChargeId: null,
    paymentMethodId: null,
    cardBrand: null,
    cardLast4: null,
    cardExpMonth: null,
    cardExpYear: null,
    lastPaymentError: null,
    settlesAt: null,
    canceledAt: null,
    cancellationReason: null,
    created: now,
    updatedAt: now,
  };
  const object = paymentIntentObject(pi);
  return {
    result: ok(object),
    inserts: (when) => [
      Prisma.sql`
        INSERT INTO "SandboxPaymentIntent" (id, "clientSecret", amount, currency, status, description, metadata, created, "updatedAt")
        SELECT ${pi.id}, ${pi.clientSecret}, ${pi.amount}::int, ${pi.currency}, ${pi.status}, ${pi.description}, ${JSON.stringify(pi.metadata)}::jsonb, ${now}, ${now}
         WHERE ${when}`,
      sandboxEventInsert("payment_intent.created", object, call.origin, now, when).insert,
    ],
  };
}

/** Creates the PaymentIntent inside the caller's transaction (api.ts usually writes the plan as one statement). */
export async function createPaymentIntent(call: SandboxCall): Promise<SandboxResult> {
  const { result, inserts } = planPaymentIntent(call);
  for (const insert of inserts(Prisma.sql`TRUE`)) await call.tx.$executeRaw(insert);
  return result;
}

export async function retrievePaymentIntent(call: SandboxCall, id: string): Promise<SandboxResult> {
  let pi = await lockIntent(call.tx, id);
  checkClientSecret(call, pi);
  // The sandbox's clock catches up when asked, even if the settling job has not run yet.
  if (pi.status === "processing" && pi.settlesAt && pi.settlesAt <= call.now) pi = await settle(call.tx, pi, call.now);
  return ok(paymentIntentObject(pi));
}

export async function confirmPaymentIntent(call: SandboxCall, id: string): Promise<SandboxResult> {
  const { tx, params, now } = call;
  allowOnly(params, ["payment_method", "payment_method_data", "client_secret", "return_url", "expand", "use_stripe_sdk", "receipt_email"]);
  const pi = await lockIntent(tx, id);
  checkClientSecret(call, pi);
  if (pi.status !== "requires_payment_method") {
    throw unexpectedState("confirm", pi.status, ["requires_payment_method", "requires_confirmation", "requires_action"]);
  }
  const card = readCard(params, now);
  const attempt = attemptCharge(card);
  const paymentMethodId = newSandboxId("pm");
  const cardFields = { cardBrand: card.brand, cardLast4: card.last4, cardExpMonth: card.expMonth, cardExpYear: card.expYear };

  if (attempt.kind === "decline") {
    const chargeId = newSandboxId("ch");
    const error = {
      type: "card_error",
      code: attempt.code,
      decline_code: attempt.declineCode,
      message: attempt.message,
      charge: chargeId,
      doc_url: `https://stripe.com/docs/error-codes/${attempt.code.replaceAll("_", "-")}`,
      payment_method: { id: paymentMethodId, object: "payment_method", type: "card", card: { brand: card.brand, last4: card.last4, exp_month: card.expMonth, exp_year: card.expYear } },
    };
    const declined = await tx.sandboxPaymentIntent.update({
      where: { id },
      data: { lastPaymentError: error, paymentMethodId: null, latestChargeId: chargeId, ...cardFields, updatedAt: now },
    });
    const object = paymentIntentObject(declined);
    await recordSandboxEvent(tx, "payment_intent.payment_failed", object, call.origin, now);
    // Stripe answers a declined confirmation with 402 and the intent, which can be confirmed again.
    return { status: 402, body: { error: { ...error, payment_intent: object } } };
  }

  if (attempt.kind === "process") {
    const settlesAt = new Date(now.getTime() + call.config.sandboxProcessingSeconds * 1000);
    const processing = await tx.sandboxPaymentIntent.update({
      where: { id },
      data: { status: "processing", paymentMethodId, lastPaymentError: Prisma.DbNull, settlesAt, ...cardFields, updatedAt: now },
    });
    await recordSandboxEvent(tx, "payment_intent.processing", paymentIntentObject(processing), call.origin, now);
    await tx.$executeRaw`
      SELECT graphile_worker.add_job(${SANDBOX_SETTLE_TASK}, json_build_object('paymentIntentId', ${id}::text),
             run_at => ${settlesAt}, job_key => ${`sandbox-settle:${id}`}, max_attempts => 25)`;
    return ok(paymentIntentObject(processing));
  }

  const succeeded = await tx.sandboxPaymentIntent.update({
    where: { id },
    data: { status: "succeeded", amountReceived: pi.amount, paymentMethodId, latestChargeId: newSandboxId("ch"), lastPaymentError: Prisma.DbNull, ...cardFields, updatedAt: now },
  });
  await recordSandboxEvent(tx, "payment_intent.succeeded", paymentIntentObject(succeeded), call.origin, now);
  return ok(paymentIntentObject(succeeded));
}

async function settle(tx: Db, pi: SandboxPaymentIntent, now: Date): Promise<SandboxPaymentIntent> {
  const succeeded = await tx.sandboxPaymentIntent.update({
    where: { id: pi.id },
    data: { status: "succeeded", amountReceived: pi.amount, latestChargeId: newSandboxId("ch"), settlesAt: null, updatedAt: now },
  });
  await recordSandboxEvent(tx, "payment_intent.succeeded", paymentIntentObject(succeeded), { requestId: null, idempotencyKey: null }, now);
  return succeeded;
}

/** The slow card's payment completes (the settle job, at settlesAt). */
export async function settlePaymentIntent(tx: Db, id: string, now = new Date()): Promise<string> {
  const pi = await lockIntent(tx, id);
  if (pi.status !== "processing") return pi.status;
  if (pi.settlesAt && pi.settlesAt > now) return "processing";
  return (await settle(tx, pi, now)).status;
}

const CANCELLATION_REASONS = ["duplicate", "fraudulent", "requested_by_customer", "abandoned"];

export async function cancelPaymentIntent(call: SandboxCall, id: string): Promise<SandboxResult> {
  const { tx, params, now } = call;
  allowOnly(params, ["cancellation_reason", "expand"]);
  const reason = str(params.cancellation_reason, "cancellation_reason");
  if (reason !== undefined && !CANCELLATION_REASONS.includes(reason)) {
    throw invalidRequest(`Invalid cancellation_reason: must be one of ${CANCELLATION_REASONS.join(", ")}`, { param: "cancellation_reason" });
  }
  const pi = await lockIntent(tx, id);
  if (pi.status !== "requires_payment_method") {
    throw unexpectedState("cancel", pi.status, ["requires_payment_method", "requires_capture", "requires_confirmation", "requires_action"]);
  }
  const canceled = await tx.sandboxPaymentIntent.update({
    where: { id },
    data: { status: "canceled", canceledAt: now, cancellationReason: reason ?? null, updatedAt: now },
  });
  await recordSandboxEvent(tx, "payment_intent.canceled", paymentIntentObject(canceled), call.origin, now);
  return ok(paymentIntentObject(canceled));
}

const REFUND_REASONS = ["duplicate", "fraudulent", "requested_by_customer"];

export async function createRefund(call: SandboxCall): Promise<SandboxResult> {
  const { tx, params, now } = call;
  allowOnly(params, ["payment_intent", "charge", "amount", "reason", "metadata", "expand"]);
  const intentId = str(params.payment_intent, "payment_intent");
  const chargeId = str(params.charge, "charge");
  if (!intentId && !chargeId) throw invalidRequest("One of the following params should be provided for this request: payment_intent or charge.");
  let id = intentId;
  if (!id) {
    const byCharge = await tx.sandboxPaymentIntent.findUnique({ where: { latestChargeId: chargeId! }, select: { id: true, status: true } });
    if (!byCharge || byCharge.status !== "succeeded") throw resourceMissing("charge", chargeId!, "charge");
    id = byCharge.id;
  }
  const reason = str(params.reason, "reason");
  if (reason !== undefined && !REFUND_REASONS.includes(reason)) throw invalidRequest(`Invalid reason: must be one of ${REFUND_REASONS.join(", ")}`, { param: "reason" });
  const requested = positiveInteger(params.amount, "amount");
  const meta = metadata(params.metadata);

  const pi = await lockIntent(tx, id);
  if (pi.status !== "succeeded" || !pi.latestChargeId) throw invalidRequest(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, { param: "payment_intent" });
  const earlier = await tx.sandboxRefund.findMany({ where: { paymentIntentId: pi.id }, orderBy: { created: "asc" } });
  const remaining = pi.amountReceived - earlier.reduce((sum, r) => sum + r.amount, 0);
  if (remaining <= 0) throw invalidRequest(`Charge ${pi.latestChargeId} has already been refunded.`, { code: "charge_already_refunded" });
  const amount = requested ?? remaining;
  if (amount > remaining) {
    throw invalidRequest(`Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, { param: "amount", code: "amount_too_large" });
  }
  const refund = await tx.sandboxRefund.create({
    data: { id: newSandboxId("re"), paymentIntentId: pi.id, chargeId: pi.latestChargeId, amount, currency: pi.currency, status: "succeeded", reason: reason ?? null, metadata: meta, created: now },
  });
  await recordSandboxEvent(tx, "refund.created", refundObject(refund), call.origin, now);
  await recordSandboxEvent(tx, "charge.refunded", chargeObject(pi, [...earlier, refund]), call.origin, now);
  return ok(refundObject(refund));
}

export async function retrieveRefund(call: SandboxCall, id: string): Promise<SandboxResult> {
  const refund = await call.tx.sandboxRefund.findUnique({ where: { id } });
  if (!refund) throw resourceMissing("refund", id, "id");
  return ok(refundObject(refund));
}

