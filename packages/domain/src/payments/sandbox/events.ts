// The sandbox's webhook sender. Each state change records a Stripe-shaped event in the same
// transaction and, for the types a Stripe endpoint would be subscribed to (the ones our webhook
// handles), a graphile-worker job that delivers it to <STOREFRONT_URL>/api/webhooks/stripe,
// signed with the webhook secret exactly as Stripe signs (the timestamp of each attempt). A
// non-2xx answer or a network failure fails the job, and graphile-worker retries it with
// exponential backoff for about three days, like Stripe's own retries. Delivery is at least
// once: the receiver deduplicates by event id, as it must for Stripe.
import { getPrisma, Prisma } from "@market/db";
import type { Task } from "graphile-worker";
import Stripe from "stripe";
import { z } from "zod";
import type { Db } from "../../db.ts";
import { paymentConfig, type PaymentConfig } from "../config.ts";
import { signStripePayload } from "../stripe-client.ts";
import { isHandledStripeEvent } from "../stripe-webhook.ts";
import { newSandboxId, unixSeconds } from "./ids.ts";

export const SANDBOX_DELIVER_EVENT_TASK = "payment-sandbox.deliver-event";
const MAX_DELIVERY_ATTEMPTS = 25;

export type SandboxEventType =
  | "payment_intent.created"
  | "payment_intent.processing"
  | "payment_intent.succeeded"
  | "payment_intent.payment_failed"
  | "payment_intent.canceled"
  | "charge.refunded"
  | "refund.created";

/** The request that caused an event (null for the sandbox's own clock, e.g. a slow payment settling). */
export type EventOrigin = { requestId: string | null; idempotencyKey: string | null };

/** Like a Stripe endpoint subscribed to what our webhook handles: other events are recorded, never sent. */
export const isDeliveredSandboxEvent = isHandledStripeEvent;

export async function recordSandboxEvent(tx: Db, type: SandboxEventType, object: object, origin: EventOrigin, now = new Date()): Promise<string> {
  const { id, insert } = sandboxEventInsert(type, object, origin, now);
  await tx.$executeRaw(insert);
  return id;
}

/**
 * The INSERT that records an event, with its delivery job (for the types that are delivered)
 * queued by the INSERT's own RETURNING clause. `when` is a condition the row is written under,
 * for callers that run it as a CTE of a larger statement (see insert-only operations in api.ts).
 */
export function sandboxEventInsert(type: SandboxEventType, object: object, origin: EventOrigin, now: Date, when: Prisma.Sql = Prisma.sql`TRUE`): { id: string; insert: Prisma.Sql } {
  const id = newSandboxId("evt");
  const delivered = isDeliveredSandboxEvent(type);
  const payload = {
    id,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: unixSeconds(now),
    data: { object },
    livemode: false,
    pending_webhooks: delivered ? 1 : 0,
    request: { id: origin.requestId, idempotency_key: origin.idempotencyKey },
    type,
  };
  const insert = Prisma.sql`
    INSERT INTO "SandboxEvent" (id, type, payload, created)
    SELECT ${id}, ${type}, ${JSON.stringify(payload)}::jsonb, ${now} WHERE ${when}
    ${delivered ? Prisma.sql`RETURNING graphile_worker.add_job(${SANDBOX_DELIVER_EVENT_TASK}, json_build_object('eventId', id), job_key => 'sandbox-event:' || id, max_attempts => ${MAX_DELIVERY_ATTEMPTS})` : Prisma.empty}`;
  return { id, insert };
}

export type EventDelivery = "delivered" | "already-delivered" | "unknown-event";

/** One delivery attempt; throws when the endpoint did not accept it (the job retries). */
export async function deliverSandboxEvent(eventId: string, config: PaymentConfig = paymentConfig()): Promise<EventDelivery> {
  const prisma = getPrisma();
  const row = await prisma.sandboxEvent.findUnique({ where: { id: eventId } });
  if (!row) return "unknown-event";
  if (row.deliveredAt) return "already-delivered";
  const body = JSON.stringify(row.payload, null, 2);
  let failure: string | null = null;
  try {
    const response = await fetch(config.webhookUrl, {
      method: "POST",
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Stripe-Signature": signStripePayload(body, config.webhookSecret),
        "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text().catch(() => "");
    if (response.status < 200 || response.status > 299) failure = `HTTP ${response.status} ${text.slice(0, 300)}`.trim();
  } catch (error) {
    const cause = error instanceof Error && error.cause ? error.cause : error;
    failure = cause instanceof Error ? cause.message : String(cause);
  }
  await prisma.sandboxEvent.update({
    where: { id: eventId },
    data: { attempts: { increment: 1 }, lastError: failure, deliveredAt: failure ? null : new Date() },
  });
  if (failure) throw new Error(`payment sandbox: delivering ${row.type} ${eventId} to ${config.webhookUrl} failed: ${failure}`);
  return "delivered";
}

const payloadSchema = z.object({ eventId: z.string().min(1) });

export const deliverSandboxEventTask: Task = async (payload, helpers) => {
  const { eventId } = payloadSchema.parse(payload);
  const result = await deliverSandboxEvent(eventId);
  helpers.logger.info(`payment sandbox: event ${eventId} ${result}`);
};
