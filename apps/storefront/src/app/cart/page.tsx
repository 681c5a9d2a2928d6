// The cart: lines grouped by seller (each seller's part ships on its own), today's catalogue
// prices and the totals. Checkout arrives with its own issue.
import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import type { CartLineView } from "@market/domain/cart";
import { cn, formatMoney } from "@market/ui";
import type { Locale, Translate } from "@market/web/i18n";
import { getLocale, getTranslator } from "@market/web/i18n/server";
import { serverCaller } from "@market/web/trpc-server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("cart.title"), robots: { index: false } };
}

const money = (totals: { currency: string; amountMinor: number }[], locale: Locale) =>
  totals.map((total) => formatMoney(total.amountMinor, total.currency, locale)).join(" + ") || formatMoney(0, "RUB", locale);

export default async function CartPage() {
  const [api, t, locale] = await Promise.all([serverCaller("storefront"), getTranslator(), getLocale()]);
  const cart = await api.cart.get();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">
        {t("cart.title")} {cart.itemCount ? <span className="text-base font-normal text-muted">· {t("cart.items", { count: cart.itemCount })}</span> : null}
      </h1>
      {cart.groups.length === 0 ? (
        <div className="flex flex-col items-center gap-3 rounded-2xl bg-gray-50 px-6 py-12 text-center">
          <h2 className="text-lg font-semibold">{t("cart.empty")}</h2>
          <p className="text-muted">{t("cart.emptyHint")}</p>
          <Link href="/" className="rounded-xl bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">{t("favourites.browse")}</Link>
        </div>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] lg:items-start">
          <div className="flex flex-col gap-4">
            {cart.groups.map((group) => (
              <section key={group.seller.slug} aria-label={t("cart.seller", { name: group.seller.name })} className="flex flex-col rounded-2xl border border-gray-200">
                <h2 className="border-b border-gray-100 px-4 py-3 text-sm">
                  {t("product.seller")}: <Link href={`/sellers/${group.seller.slug}`} className="font-semibold text-brand-700 hover:underline">{group.seller.name}</Link>
                </h2>
                <ul className="flex flex-col divide-y divide-gray-100">
                  {group.lines.map((line) => <CartLine key={line.id} line={line} t={t} locale={locale} />)}
                </ul>
                <p className="flex justify-between border-t border-gray-100 px-4 py-3 text-sm">
                  <span className="text-muted">{t("cart.subtotal")}</span>
                  <span className="font-semibold">{money(group.subtotals, locale)}</span>
                </p>
              </section>
            ))}
          </div>
          <aside aria-label={t("cart.total")} className="flex flex-col gap-3 rounded-2xl bg-gray-50 p-4 lg:sticky lg:top-24">
            <p className="flex items-baseline justify-between">
              <span className="text-lg font-semibold">{t("cart.total")}</span>
              <span className="text-2xl font-bold">{money(cart.totals, locale)}</span>
            </p>
            <p className="text-sm text-muted">{t("cart.items", { count: cart.itemCount })}</p>
            <p className="text-sm text-muted">{t("cart.checkoutLater")}</p>
          </aside>
        </div>
      )}
    </div>
  );
}

function CartLine({ line, t, locale }: { line: CartLineView; t: Translate; locale: Locale }) {
  const details = [line.size ? t("product.reviewVariant", { size: line.size }) : null, line.color].filter(Boolean).join(" · ");
  return (
    <li className={cn("flex gap-3 px-4 py-3", !line.sold && "opacity-60")}>
      <div className="w-20 shrink-0 overflow-hidden rounded-lg bg-gray-100">
        {line.product.image ? <Image src={line.product.image.url} alt={line.product.image.alt} width={80} height={107} sizes="80px" className="aspect-[3/4] w-full object-cover" /> : null}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
        <Link href={`/products/${line.product.slug}`} className="line-clamp-2 font-medium hover:underline">{line.product.title}</Link>
        {details ? <p className="text-muted">{details}</p> : null}
        <p className="text-muted">
          {t("cart.quantity", { count: line.quantity })} · {t("cart.each", { price: formatMoney(line.unitPriceMinor, line.currency, locale) })}
        </p>
        {line.priceSeenMinor !== null ? <p className="text-xs text-amber-700">{t("cart.priceChanged", { price: formatMoney(line.priceSeenMinor, line.currency, locale) })}</p> : null}
        {!line.sold ? <p className="text-xs text-sale">{t("cart.notSold")}</p> : line.available < line.quantity ? <p className="text-xs text-sale">{t("cart.notEnough", { count: line.available })}</p> : null}
      </div>
      <p className="shrink-0 text-right font-semibold">{formatMoney(line.lineTotalMinor, line.currency, locale)}</p>
    </li>
  );
}
