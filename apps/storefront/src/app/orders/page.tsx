import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@market/auth";
import { cn, formatMoney } from "@market/ui";
import { getLocale, getTranslator } from "@market/web/i18n/server";
import { serverCaller } from "@market/web/trpc-server";
import { STATUS_KEY, STATUS_TONE } from "../../components/orders/status-text";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("orders.title"), robots: { index: false } };
}

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  if (!(await getSessionUser())) redirect("/sign-in?callbackUrl=/orders");
  const { after } = await searchParams;
  const [api, t, locale] = await Promise.all([serverCaller("storefront"), getTranslator(), getLocale()]);
  const { orders, nextCursor } = await api.orders.list({ cursor: after && /^[0-9a-f-]{36}$/.test(after) ? after : null });
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("orders.title")}</h1>
      {orders.length === 0 ? (
        <div className="flex flex-col items-center gap-3 rounded-2xl bg-gray-50 px-6 py-12 text-center">
          <h2 className="text-lg font-semibold">{t("orders.empty")}</h2>
          <Link href="/" className="rounded-xl bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">{t("favourites.browse")}</Link>
        </div>
      ) : (
        <ul className="flex flex-col gap-3">
          {orders.map((order) => (
            <li key={order.id}>
              <Link href={`/orders/${order.number}`} className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-gray-200 p-4 hover:border-brand-600">
                <span className="flex flex-col">
                  <span className="font-semibold">{t("orders.number", { number: order.number })}</span>
                  <span className="text-sm text-muted">
                    {order.createdAt.toLocaleDateString(locale, { dateStyle: "medium" })} · {t("cart.items", { count: order.itemCount })}
                  </span>
                </span>
                <span className="flex items-center gap-3">
                  <span className={cn("rounded-full px-3 py-1 text-xs font-semibold", STATUS_TONE[order.status])}>{t(STATUS_KEY[order.status])}</span>
                  <span className="font-semibold">{formatMoney(order.totalMinor, order.currency, locale)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {nextCursor ? (
        <Link href={`/orders?after=${nextCursor}`} className="self-center rounded-xl border border-gray-300 px-4 py-2 font-medium">{t("orders.older")}</Link>
      ) : null}
    </div>
  );
}
