// Reservation expiry. Placing an order queues one job for the moment its reservation ends (the
// job exists exactly when the order does). The job asks the payment side first, because a
// payment may have succeeded while its webhook is still on the way: only an order that is
// really unpaid is cancelled and its stock released.
import { getPrisma, OrderStatus } from "@market/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import type { Db } from "../db.ts";
import { cancelUnpaidOrder } from "./order-transitions.ts";

export const EXPIRE_ORDER_TASK = "checkout.expire-order";

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
  if (order.reservationExpiresAt && order.reservationExpiresAt > now) {
    await scheduleExpiry(prisma, orderId, order.reservationExpiresAt);
    return "not-due";
  }
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
export async function scheduleExpiry(db: Db, orderId: string, runAt: Date) {
  await db.$executeRaw`
    SELECT graphile_worker.add_job(${EXPIRE_ORDER_TASK}, json_build_object('orderId', ${orderId}::text),
           run_at => ${runAt}, job_key => ${`expire-order:${orderId}`}, max_attempts => 25)`;
}

const payloadSchema = z.object({ orderId: z.string().uuid() });

export function createExpireOrderTask(settlePayment: SettlePayment): Task {
  return async (payload, helpers) => {
    const { orderId } = payloadSchema.parse(payload);
    const outcome = await expireOrder(orderId, settlePayment);
    helpers.logger.info(`checkout: order ${orderId} expiry → ${outcome}`);
  };
}
