// What the pay page shows: the shopper's own order (anyone else's is "not found", so order
// numbers cannot be probed), and, while it awaits payment, the payment session to pay it with.
import { getPrisma, OrderStatus, Prisma, type Currency, type PaymentStatus } from "@market/db";
import { AppError } from "../errors.ts";
import { SANDBOX_TEST_CARDS, type SandboxCardOutcome } from "./sandbox/index.ts";
import { openPayment, paymentRowUpsert, type PaymentRow, type PaymentSession } from "./start-payment.ts";

export type PaymentPage = {
  number: string;
  status: OrderStatus;
  totalMinor: number;
  deliveryMinor: number;
  currency: Currency;
  reservationExpiresAt: Date | null;
  lines: { title: string; quantity: number; lineTotalMinor: number; currency: Currency }[];
  /** Only while the order awaits payment. */
  session: PaymentSession | null;
  /** The provider's message for the last declined attempt, while the shopper may try again. */
  lastFailure: string | null;
  /** Sandbox mode: the test cards to list on the page. */
  testCards: { number: string; outcome: SandboxCardOutcome }[];
};

type OwnOrder = Pick<PaymentPage, "number" | "status" | "totalMinor" | "deliveryMinor" | "currency" | "reservationExpiresAt" | "lines"> & { id: string };

/** The shopper's order with its lines (SQL); someone else's order is not there. */
function ownOrderQuery(userId: string, number: string): Prisma.Sql {
  return Prisma.sql`
    SELECT o.id, o.number, o.status::text AS status, o."totalMinor", o."deliveryMinor", o.currency::text AS currency, o."reservationExpiresAt",
           COALESCE((SELECT json_agg(json_build_object('title', l.title, 'quantity', l.quantity, 'lineTotalMinor', l."lineTotalMinor", 'currency', l.currency) ORDER BY l.id)
                       FROM "OrderLine" l WHERE l."orderId" = o.id), '[]'::json) AS lines
      FROM "Order" o WHERE o.number = ${number} AND o."userId" = ${userId}::uuid`;
}

const notFound = () => new AppError("NOT_FOUND", "We could not find this order in your account.");

/**
 * The pay page: the order, and while it awaits payment its Payment row (written on the first
 * visit) read in the same statement, then the PaymentIntent. The pay page, and every order of the
 * checkout benchmark, comes through here.
 */
export async function getPaymentPage(userId: string, number: string): Promise<PaymentPage> {
  const [order] = await getPrisma().$queryRaw<(OwnOrder & { payment: PaymentRow | null })[]>`
    WITH own AS (${ownOrderQuery(userId, number)}
    ), payment AS (${paymentRowUpsert(Prisma.sql`
      SELECT o.id, o."totalMinor", o.currency FROM "Order" o JOIN own ON own.id = o.id WHERE own.status = ${OrderStatus.PENDING_PAYMENT}`)})
    SELECT own.*, (SELECT row_to_json(payment) FROM payment) AS payment FROM own`;
  if (!order) throw notFound();
  const started = order.status === OrderStatus.PENDING_PAYMENT ? await openPayment(order, order.payment ?? undefined) : null;
  const session = started?.session ?? null;
  return {
    number: order.number,
    status: order.status,
    totalMinor: order.totalMinor,
    deliveryMinor: order.deliveryMinor,
    currency: order.currency,
    reservationExpiresAt: order.reservationExpiresAt,
    lines: order.lines,
    session,
    lastFailure: session?.status === "FAILED" ? started!.failureMessage : null,
    testCards: session?.mode === "sandbox" ? SANDBOX_TEST_CARDS.map(({ number, outcome }) => ({ number, outcome })) : [],
  };
}

export type PaymentProgress = { orderStatus: OrderStatus; paymentStatus: PaymentStatus | null; failureMessage: string | null };

/** For the pay page to poll while a payment is on its way (a read, nothing more). */
export async function getPaymentProgress(userId: string, number: string): Promise<PaymentProgress> {
  const [order] = await getPrisma().$queryRaw<OwnOrder[]>(ownOrderQuery(userId, number));
  if (!order) throw notFound();
  const payment = await getPrisma().payment.findFirst({ where: { orderId: order.id }, orderBy: { createdAt: "desc" }, select: { status: true, failureMessage: true } });
  return { orderStatus: order.status, paymentStatus: payment?.status ?? null, failureMessage: payment?.failureMessage ?? null };
}
