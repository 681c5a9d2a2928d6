// Reservation expiry. Once a minute a sweep queues an expiry job for each unpaid order whose
// reservation has ended (the order's own timestamp is the schedule, so nothing is queued for the
// many orders that are paid in time, and nothing has to be removed when they are). The job asks
// the payment side first, because a payment may have succeeded while its webhook is still on the
// way: only an order that is really unpaid is cancelled and its stock released. A reservation
// therefore ends within a minute after its time.
import { getPrisma, OrderStatus } from "@market/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import type { Db } from "../db.ts";
import { cancelUnpaidOrder, EXPIRY_KEY_PREFIX, expiryJobKey } from "./order-transitions.ts";

export const EXPIRE_ORDER_TASK = "checkout.expire-order";
export const EXPIRE_DUE_ORDERS_TASK = "checkout:expire-due-orders";
/** Every minute; `?max=1`: a missed minute is not run again, the next sweep covers it. */
export const EXPIRE_DUE_ORDERS_CRONTAB = `* * * * * ${EXPIRE_DUE_ORDERS_TASK} ?max=1`;
/** Orders queued per sweep; more wait for the next minute rather than make one huge statement. */
const SWEEP_LIMIT = 5_000;
/** Asking the payment provider can fail for a while (an outage): retried with backoff. */
const EXPIRE_ORDER_MAX_ATTEMPTS = 25;

/**
 * What the payment provider says about the order's payment, after making sure no payment can
 * still complete: "paid" (applied), "processing" (ask again later) or "not-paid" (cancelled at
 * the provider, or never started).
 */
export type SettlePayment = (orderId: string) => Promise<"paid" | "processing" | "not-paid">;

/** How long to wait before asking again about a payment the provider is still processing. */
const PROCESSING_RECHECK_SECONDS = 5 * 60;

export type ExpiryOutcome = "cancelled" | "paid" | "processing" | "not-due" | "not-pending";

export async function expireOrder(orderId: string, settlePayment: SettlePayment, now = new Date()): Promise<ExpiryOutcome> {
  const prisma = getPrisma();
  const order = await prisma.order.findUnique({ where: { id: orderId }, select: { status: true, reservationExpiresAt: true } });
  if (!order || order.status !== OrderStatus.PENDING_PAYMENT) return "not-pending";
  // Queued by hand or by a sweep with a clock ahead of ours: the sweep after the due time comes back.
  if (order.reservationExpiresAt && order.reservationExpiresAt > now) return "not-due";
  const settlement = await settlePayment(orderId);
  if (settlement === "paid") return "paid";
  if (settlement === "processing") {
    await scheduleExpiry(prisma, orderId, new Date(now.getTime() + PROCESSING_RECHECK_SECONDS * 1000));
    return "processing";
  }
  const result = await prisma.$transaction((tx) =>
    cancelUnpaidOrder(tx, { orderId, reason: "The payment did not arrive in time, so the reserved items were released.", now }),
  );
  return result === "cancelled" ? "cancelled" : "not-pending";
}

/** Queues (or moves) the order's expiry job, in the caller's transaction when given one. */
async function scheduleExpiry(db: Db, orderId: string, runAt: Date) {
  await db.$executeRaw`
    SELECT graphile_worker.add_job(${EXPIRE_ORDER_TASK}, json_build_object('orderId', ${orderId}::text),
           run_at => ${runAt}, job_key => ${expiryJobKey(orderId)}, max_attempts => ${EXPIRE_ORDER_MAX_ATTEMPTS})`;
}

/**
 * Queues the expiry job of every unpaid order whose reservation has ended. An order that already
 * has one (a payment still processing, asked again later; a job being retried) keeps it and its
 * time: 'preserve_run_at'. Returns how many orders were due.
 */
export async function queueDueExpiries(now = new Date()): Promise<number> {
  const [row] = await getPrisma().$queryRaw<{ due: number }[]>`
    WITH due AS (
      SELECT id FROM "Order"
       WHERE status = ${OrderStatus.PENDING_PAYMENT}::"OrderStatus" AND "reservationExpiresAt" <= ${now}
       ORDER BY "reservationExpiresAt" LIMIT ${SWEEP_LIMIT}
    ), queued AS (
      SELECT graphile_worker.add_job(${EXPIRE_ORDER_TASK}, json_build_object('orderId', id::text),
             job_key => ${EXPIRY_KEY_PREFIX} || id::text, job_key_mode => 'preserve_run_at', max_attempts => ${EXPIRE_ORDER_MAX_ATTEMPTS})
        FROM due
    )
    SELECT count(*)::int AS due FROM queued`;
  return row!.due;
}

export const expireDueOrdersTask: Task = async (_payload, helpers) => {
  const due = await queueDueExpiries();
  if (due > 0) helpers.logger.info(`checkout: ${due} reservation(s) ended, expiry queued`);
};

const payloadSchema = z.object({ orderId: z.string().uuid() });

export function createExpireOrderTask(settlePayment: SettlePayment): Task {
  return async (payload, helpers) => {
    const { orderId } = payloadSchema.parse(payload);
    const outcome = await expireOrder(orderId, settlePayment);
    helpers.logger.info(`checkout: order ${orderId} expiry → ${outcome}`);
  };
}
