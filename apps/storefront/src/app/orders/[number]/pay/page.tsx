// The pay page: the shopper's own unpaid order, its amount, and a way to pay it: a card form
// that talks to the payment sandbox, or Stripe's Payment Element when Stripe is configured.
// The amount is always the order's, computed on the server when the order was placed.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getSessionUser } from "@market/auth";
import { Alert, formatMoney } from "@market/ui";
import { getLocale, getTranslator } from "@market/web/i18n/server";
import { serverCaller } from "@market/web/trpc-server";
import { PayPanel } from "./pay-panel";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  return { title: (await getTranslator())("payment.title", { number: decodeURIComponent(number) }), robots: { index: false } };
}

export default async function PayPage({ params }: Props) {
  const number = decodeURIComponent((await params).number);
  const orderHref = `/orders/${encodeURIComponent(number)}`;
  if (!(await getSessionUser())) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`${orderHref}/pay`)}`);
  const [api, t, locale] = await Promise.all([serverCaller("storefront"), getTranslator(), getLocale()]);

  let page;
  try {
    page = await api.payments.session({ number });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    // Paid or cancelled between reading the order and starting its payment: the order page says which.
    if (error instanceof TRPCError && error.code === "CONFLICT") redirect(orderHref);
    if (error instanceof TRPCError && error.code === "SERVICE_UNAVAILABLE") {
      return (
        <div className="mx-auto flex max-w-xl flex-col gap-4">
          <h1 className="text-2xl font-bold">{t("payment.title", { number })}</h1>
          <Alert tone="warning">{t("payment.unavailable")}</Alert>
        </div>
      );
    }
    throw error;
  }

  const money = (minor: number) => formatMoney(minor, page.currency, locale);
  const payable = page.session && page.session.status !== "CANCELED";
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("payment.title", { number: page.number })}</h1>

      <section aria-labelledby="pay-summary" className="rounded-2xl bg-gray-50 p-4">
        <h2 id="pay-summary" className="sr-only">{t("payment.summary")}</h2>
        <ul className="flex flex-col gap-1 text-sm">
          {page.lines.map((line, i) => (
            <li key={i} className="flex justify-between gap-3">
              <span className="min-w-0 truncate">{line.title}{line.quantity > 1 ? ` × ${line.quantity}` : ""}</span>
              <span className="shrink-0">{formatMoney(line.lineTotalMinor, line.currency, locale)}</span>
            </li>
          ))}
          {page.deliveryMinor > 0 ? (
            <li className="flex justify-between gap-3 text-muted">
              <span>{t("payment.delivery")}</span>
              <span className="shrink-0">{money(page.deliveryMinor)}</span>
            </li>
          ) : null}
        </ul>
        <p className="mt-3 flex items-baseline justify-between border-t border-gray-200 pt-3">
          <span className="font-semibold">{payable ? t("payment.total") : t("payment.orderTotal")}</span>
          <span className="text-2xl font-bold" data-testid="pay-amount">{money(page.totalMinor)}</span>
        </p>
        {payable && page.reservationExpiresAt ? (
          <p className="mt-1 text-sm text-muted">{t("payment.reservedUntil", { time: page.reservationExpiresAt.toLocaleTimeString(locale, { timeStyle: "short" }) })}</p>
        ) : null}
      </section>

      {page.status === "PAID" || page.status === "COMPLETED" ? (
        <Alert tone="success" title={t("payment.alreadyPaid")}>
          <Link href={orderHref} className="font-semibold underline">{t("payment.viewOrder")}</Link>
        </Alert>
      ) : !payable ? (
        <Alert tone="info" title={t("payment.cancelled")}>
          <Link href={orderHref} className="font-semibold underline">{t("payment.viewOrder")}</Link>
        </Alert>
      ) : (
        <PayPanel number={page.number} totalMinor={page.totalMinor} currency={page.currency} session={page.session!} lastFailure={page.lastFailure} testCards={page.testCards} />
      )}
    </div>
  );
}
