import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getSessionUser } from "@market/auth";
import { Alert, cn, formatMoney } from "@market/ui";
import { getLocale, getTranslator } from "@market/web/i18n/server";
import { serverCaller } from "@market/web/trpc-server";
import { canShopperCancel } from "@market/domain/fulfilment";
import { CancelOrderButton } from "../../../components/orders/cancel-order-button";
import { LineReturn } from "../../../components/orders/line-return";
import { OrderLiveUpdates } from "../../../components/orders/order-live-updates";
import { STATUS_KEY, STATUS_TONE, TIMELINE_KEY } from "../../../components/orders/status-text";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  return { title: (await getTranslator())("orders.number", { number: decodeURIComponent(number) }), robots: { index: false } };
}

export default async function OrderPage({ params }: Props) {
  const { number } = await params;
  if (!(await getSessionUser())) redirect(`/sign-in?callbackUrl=/orders/${encodeURIComponent(number)}`);
  const [api, t, locale] = await Promise.all([serverCaller("storefront"), getTranslator(), getLocale()]);
  // Read before the order, so a change between the two reads makes the next poll refresh the page.
  const updates = await api.notifications.orderUpdates({ number: decodeURIComponent(number) }).catch(() => null);
  const order = await api.orders.get({ number: decodeURIComponent(number) }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  const dateTime = (at: Date) => at.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
  const awaitingPayment = order.status === "awaiting-payment";
  // Returns only exist for delivered parcels; without them the page still shows the order.
  const hasDelivered = order.parts.some((part) => part.status === "DELIVERED" || part.status === "RETURNED");
  const returns = hasDelivered ? await api.returns.forOrder({ number: order.number }).catch(() => null) : null;
  const returnsOf = new Map(returns?.lines.map((line) => [line.orderLineId, line]));
  // Nothing reports after these (a pickup parcel has no "collected" event), so polling stops.
  const finished = ["delivered", "ready-for-pickup", "cancelled", "refunded", "returned"].includes(order.status);

  return (
    <div className="flex flex-col gap-4">
      {finished || !updates ? null : <OrderLiveUpdates number={order.number} stamp={updates.stamp} everyMs={awaitingPayment ? 3_000 : 5_000} />}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{t("orders.number", { number: order.number })}</h1>
        <span role="status" className={cn("rounded-full px-3 py-1 text-sm font-semibold", STATUS_TONE[order.status])}>{t(STATUS_KEY[order.status])}</span>
        {canShopperCancel(order) ? <div className="ml-auto"><CancelOrderButton number={order.number} paid={!awaitingPayment} /></div> : null}
      </div>

      {awaitingPayment ? (
        <Alert tone="info" title={t("orders.payTitle")}>
          {order.payment?.status === "FAILED" && order.payment.failureMessage ? <p>{t("orders.paymentFailed", { reason: order.payment.failureMessage })}</p> : null}
          {order.reservationExpiresAt ? <p>{t("orders.reservedUntil", { time: order.reservationExpiresAt.toLocaleTimeString(locale, { timeStyle: "short" }) })}</p> : null}
          <Link href={`/orders/${order.number}/pay`} className="mt-2 inline-block rounded-xl bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
            {t("orders.payNow", { total: money(order.totalMinor) })}
          </Link>
        </Alert>
      ) : null}
      {order.status === "cancelled" && order.cancelReason ? <Alert tone="info">{order.cancelReason}</Alert> : null}
      {order.status === "cancelled" && order.paidAt ? <Alert tone="info">{t("orders.cancel.refundNote")}</Alert> : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] lg:items-start">
        <div className="flex flex-col gap-4">
          {order.parts.map((part, index) => (
            <section key={part.id} aria-label={t("orders.parcel", { index: index + 1, seller: part.seller.name })} className="rounded-2xl border border-gray-200">
              <h2 className="flex flex-wrap justify-between gap-2 border-b border-gray-100 px-4 py-3 text-sm">
                <span>
                  {t("orders.parcelPrefix", { index: index + 1 })}
                  <Link href={`/sellers/${part.seller.slug}`} className="font-semibold text-brand-700 hover:underline">{part.seller.name}</Link>
                </span>
                {part.trackingNumber ? <span>{t("orders.tracking", { number: part.trackingNumber })}</span> : null}
              </h2>
              <ul className="flex flex-col divide-y divide-gray-100">
                {part.lines.map((line) => (
                  <li key={line.id} className="flex gap-3 px-4 py-3">
                    {line.image ? <Image src={line.image} alt="" width={64} height={80} className="h-20 w-16 rounded-lg bg-gray-100 object-cover" /> : null}
                    <div className="flex min-w-0 flex-1 flex-col text-sm">
                      <Link href={`/products/${line.productSlug}`} className="font-medium hover:underline">{line.title}</Link>
                      <span className="text-muted">{[line.size, line.color].filter(Boolean).join(", ")}</span>
                      <span className="text-muted">{t("cart.quantity", { count: line.quantity })} · {t("cart.each", { price: money(line.unitPriceMinor) })}</span>
                      {returnsOf.get(line.id) ? <LineReturn title={line.title} currency={order.currency} info={returnsOf.get(line.id)!} /> : null}
                    </div>
                    <span className="font-semibold">{money(line.lineTotalMinor)}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>

        <aside className="flex flex-col gap-4">
          <section aria-labelledby="timeline-title" className="rounded-2xl bg-gray-50 p-4">
            <h2 id="timeline-title" className="mb-2 font-semibold">{t("orders.timelineTitle")}</h2>
            <ol className="flex flex-col gap-3 border-l-2 border-brand-600 pl-4">
              {order.timeline.map((entry, i) => (
                <li key={i} className="text-sm">
                  <p className="font-medium">{t(TIMELINE_KEY[entry.kind])}{entry.seller ? ` · ${entry.seller}` : ""}</p>
                  <p className="text-muted"><time dateTime={entry.at.toISOString()}>{dateTime(entry.at)}</time></p>
                  {entry.trackingNumber ? <p>{t("orders.tracking", { number: entry.trackingNumber })}</p> : null}
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="delivery-title" className="rounded-2xl bg-gray-50 p-4 text-sm">
            <h2 id="delivery-title" className="mb-2 font-semibold">{t("checkout.delivery")}</h2>
            {order.delivery.pickupPoint ? (
              <p>{order.delivery.pickupPoint.name}<br /><span className="text-muted">{order.delivery.pickupPoint.city}, {order.delivery.pickupPoint.address}</span></p>
            ) : order.delivery.address ? (
              <p>{t("checkout.courierTo")}: {[order.delivery.address.city, order.delivery.address.street, order.delivery.address.apartment].filter(Boolean).join(", ")}</p>
            ) : null}
            {order.delivery.estimate && !finished ? (
              <p className="mt-1">{t("checkout.estimate", { date: order.delivery.estimate.toLocaleDateString(locale, { day: "numeric", month: "long", timeZone: "UTC" }) })}</p>
            ) : null}
          </section>
          <dl className="grid grid-cols-[1fr_auto] gap-y-1 rounded-2xl bg-gray-50 p-4 text-sm">
            <dt className="text-muted">{t("cart.subtotal")}</dt>
            <dd>{money(order.subtotalMinor)}</dd>
            <dt className="text-muted">{t("checkout.deliveryFee")}</dt>
            <dd>{order.deliveryMinor ? money(order.deliveryMinor) : t("checkout.free")}</dd>
            <dt className="font-semibold">{t("cart.total")}</dt>
            <dd className="font-bold">{money(order.totalMinor)}</dd>
          </dl>
        </aside>
      </div>
    </div>
  );
}
