"use client";
// The cart page's content: the server's cart (or, while the database is down, the one this
// device saw last) with the changes kept on the device applied, grouped by seller. Quantities
// and removals go to the server when it answers and to the device's journal when it does not.
import type { CartView } from "@market/domain/cart";
import { applyJournal, JOURNAL_MAX_QUANTITY, type DeviceCartLine } from "@market/domain/cart-journal";
import { Alert, Button, cn, formatMoney } from "@market/ui";
import { useLocale, useT } from "@market/web/i18n/client";
import type { Locale, Translate } from "@market/web/i18n";
import Image from "next/image";
import Link from "next/link";
import { useLayoutEffect, useState, type FormEvent } from "react";
import { CartNotices, CheckoutPausedNotice } from "./cart-notices";
import { clearUnavailable, markUnreachable, receiveCart, setLineQuantity, setOwner, type ChangeResult } from "./device-cart";
import { useCartSync, useDeviceCart } from "./use-device-cart";

const money = (totals: { currency: string; amountMinor: number }[], locale: Locale) =>
  totals.map((total) => formatMoney(total.amountMinor, total.currency, locale)).join(" + ") || formatMoney(0, "RUB", locale);

const CHECKOUT = "/checkout";

/** `initialCart` is null when the server could not read the cart (database down). */
export function CartPageView({ initialCart, owner, signedIn }: { initialCart: CartView | null; owner: string; signedIn: boolean }) {
  const t = useT();
  const locale = useLocale();
  const device = useDeviceCart();
  const sync = useCartSync();
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [clearing, setClearing] = useState(false);

  useLayoutEffect(() => {
    setOwner(owner);
    if (initialCart) receiveCart(initialCart);
    else markUnreachable();
  }, [owner, initialCart]);

  const cart = applyJournal(device.hydrated ? device.cart : initialCart, device.journal);
  const lines = cart.groups.flatMap((group) => group.lines);
  const unavailable = lines.filter((line) => !line.sold || line.available === 0);

  async function change(line: DeviceCartLine, quantity: number) {
    setBusy(line.variantId);
    setProblems(({ [line.variantId]: _, ...rest }) => rest);
    const result = await setLineQuantity(line, quantity);
    setBusy(null);
    report(line.variantId, result);
  }

  function report(key: string, result: ChangeResult) {
    if ("error" in result) setProblems((current) => ({ ...current, [key]: result.error ?? t("cart.problem") }));
  }

  async function removeUnavailable() {
    setClearing(true);
    report("", await clearUnavailable(unavailable));
    setClearing(false);
  }

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">
        {t("cart.title")} {cart.itemCount ? <span className="text-base font-normal text-muted">· {t("cart.items", { count: cart.itemCount })}</span> : null}
      </h1>
      <CartNotices />
      {problems[""] ? <Alert tone="error">{problems[""]}</Alert> : null}
      {cart.groups.length === 0 ? (
        <div className="flex flex-col items-center gap-3 rounded-2xl bg-gray-50 px-6 py-12 text-center">
          <h2 className="text-lg font-semibold">{t("cart.empty")}</h2>
          <p className="text-muted">{t("cart.emptyHint")}</p>
          <Link href="/" className="rounded-xl bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">{t("favourites.browse")}</Link>
        </div>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] lg:items-start">
          <div className="flex flex-col gap-4">
            {cart.groups.map((group) => {
              const name = group.seller.name || t("cart.otherItems");
              return (
                <section key={group.seller.slug} aria-label={t("cart.seller", { name })} className="flex flex-col rounded-2xl border border-gray-200">
                  <h2 className="border-b border-gray-100 px-4 py-3 text-sm">
                    {group.seller.slug ? (
                      <>
                        {t("product.seller")}: <Link href={`/sellers/${group.seller.slug}`} className="font-semibold text-brand-700 hover:underline">{name}</Link>
                      </>
                    ) : (
                      <span className="font-semibold">{name}</span>
                    )}
                  </h2>
                  <ul className="flex flex-col divide-y divide-gray-100">
                    {group.lines.map((line) => (
                      <CartLine
                        key={line.variantId}
                        line={line}
                        busy={busy === line.variantId}
                        problem={problems[line.variantId] ?? null}
                        onChange={(quantity) => void change(line, quantity)}
                        onInvalid={(text) => setProblems((current) => ({ ...current, [line.variantId]: text }))}
                        t={t}
                        locale={locale}
                      />
                    ))}
                  </ul>
                  <p className="flex justify-between border-t border-gray-100 px-4 py-3 text-sm">
                    <span className="text-muted">{t("cart.subtotal")}</span>
                    <span className="font-semibold">{money(group.subtotals, locale)}</span>
                  </p>
                </section>
              );
            })}
            {unavailable.length > 0 ? (
              <Button type="button" variant="secondary" className="self-start" busy={clearing} onClick={() => void removeUnavailable()}>
                {t("cart.clearUnavailable")}
              </Button>
            ) : null}
          </div>
          <aside aria-label={t("cart.total")} className="flex flex-col gap-3 rounded-2xl bg-gray-50 p-4 lg:sticky lg:top-24">
            <p className="flex items-baseline justify-between">
              <span className="text-lg font-semibold">{t("cart.total")}</span>
              <span className="text-2xl font-bold">{money(cart.totals, locale)}</span>
            </p>
            <p className="text-sm text-muted">{t("cart.items", { count: cart.itemCount })}</p>
            {sync.checkoutPaused ? (
              <>
                <Button type="button" disabled className="text-base">{t("cart.goToCheckout")}</Button>
                <CheckoutPausedNotice />
              </>
            ) : (
              <>
                <Link
                  href={signedIn ? CHECKOUT : `/sign-in?callbackUrl=${encodeURIComponent(CHECKOUT)}`}
                  className="inline-flex min-h-11 items-center justify-center rounded-xl bg-brand-600 px-4 text-base font-semibold text-white hover:bg-brand-700"
                >
                  {t("cart.goToCheckout")}
                </Link>
                {signedIn ? null : <p className="text-center text-xs text-muted">{t("cart.signInFirst")}</p>}
              </>
            )}
          </aside>
        </div>
      )}
    </div>
  );
}

type LineProps = {
  line: DeviceCartLine;
  busy: boolean;
  problem: string | null;
  onChange: (quantity: number) => void;
  onInvalid: (message: string) => void;
  t: Translate;
  locale: Locale;
};

function CartLine({ line, busy, problem, onChange, onInvalid, t, locale }: LineProps) {
  const known = line.product.slug !== "";
  const title = known ? line.product.title : t("cart.deviceItem");
  const details = [line.size ? t("product.reviewVariant", { size: line.size }) : null, line.color].filter(Boolean).join(" · ");
  // Adding more of an item is refused by the server beyond what is available (the journal
  // cannot check while the server is away, so the last known availability guides it).
  const maxMore = line.sold ? Math.min(JOURNAL_MAX_QUANTITY, Math.max(line.available, line.quantity)) : line.quantity;
  const problemId = `cart-line-problem-${line.variantId}`;

  let availability: string | null = null;
  if (known && !line.sold) availability = t("cart.notSold");
  else if (known && line.available === 0) availability = t("cart.soldOut");
  else if (known && line.available < line.quantity) availability = t("cart.notEnough", { count: line.available });

  return (
    <li aria-label={title} className={cn("flex gap-3 px-4 py-3", known && (!line.sold || line.available === 0) && "opacity-70")}>
      <div className="w-20 shrink-0 self-start overflow-hidden rounded-lg bg-gray-100">
        {line.product.image ? (
          <Image src={line.product.image.url} alt={line.product.image.alt} width={80} height={107} sizes="80px" className="aspect-[3/4] w-full object-cover" />
        ) : null}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
        {known ? (
          <Link href={`/products/${line.product.slug}`} className="line-clamp-2 font-medium hover:underline">{title}</Link>
        ) : (
          <p className="font-medium">{title}</p>
        )}
        {details ? <p className="text-muted">{details}</p> : null}
        {known ? <p className="text-muted">{t("cart.each", { price: formatMoney(line.unitPriceMinor, line.currency, locale) })}</p> : null}
        {line.priceSeenMinor !== null ? (
          <p className="text-xs text-amber-700">
            {t("cart.priceChanged", { old: formatMoney(line.priceSeenMinor, line.currency, locale), new: formatMoney(line.unitPriceMinor, line.currency, locale) })}
          </p>
        ) : null}
        {availability ? <p className="text-xs font-medium text-sale">{availability}</p> : null}
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <QuantityStepper line={line} title={title} max={maxMore} busy={busy} describedBy={problem ? problemId : undefined} onChange={onChange} onInvalid={onInvalid} t={t} />
          <button
            type="button"
            onClick={() => onChange(0)}
            disabled={busy}
            aria-label={t("cart.remove", { title })}
            className="min-h-11 rounded-lg px-2 text-sm text-muted underline-offset-2 hover:text-sale hover:underline disabled:opacity-50"
          >
            {t("cart.removeShort")}
          </button>
          {line.pending ? <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900">{t("cart.notSavedYet")}</span> : null}
        </div>
        {problem ? (
          <p id={problemId} role="alert" className="text-xs text-sale">
            {problem}
          </p>
        ) : null}
      </div>
      <p className="shrink-0 text-right font-semibold">{known ? formatMoney(line.lineTotalMinor, line.currency, locale) : null}</p>
    </li>
  );
}

function QuantityStepper({
  line,
  title,
  max,
  busy,
  describedBy,
  onChange,
  onInvalid,
  t,
}: {
  line: DeviceCartLine;
  title: string;
  max: number;
  busy: boolean;
  describedBy: string | undefined;
  onChange: (quantity: number) => void;
  onInvalid: (message: string) => void;
  t: Translate;
}) {
  // What is typed stays local until the shopper leaves the field or presses Enter.
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    setDraft(null);
    const value = Number(draft);
    if (draft.trim() === "" || !Number.isInteger(value) || value < 0 || value > JOURNAL_MAX_QUANTITY) {
      onInvalid(t("cart.quantityRange", { max: JOURNAL_MAX_QUANTITY }));
      return;
    }
    if (value !== line.quantity) onChange(value);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    commit();
  };
  const button = "grid size-11 place-items-center rounded-lg border border-gray-300 text-lg font-semibold hover:bg-gray-50 disabled:cursor-not-allowed disabled:opacity-40";
  return (
    // noValidate: the browser would block Enter on "1.5" with its own bubble; ours names the rule.
    <form noValidate onSubmit={submit} className="flex items-center gap-1" aria-busy={busy || undefined}>
      <button type="button" className={button} aria-label={t("cart.decrease", { title })} disabled={busy || line.quantity <= 1} onClick={() => onChange(line.quantity - 1)}>
        −
      </button>
      <input
        type="number"
        inputMode="numeric"
        min={0}
        max={JOURNAL_MAX_QUANTITY}
        step={1}
        aria-label={t("cart.quantityOf", { title })}
        aria-describedby={describedBy}
        value={draft ?? String(line.quantity)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        disabled={busy}
        className="h-11 w-14 rounded-lg border border-gray-300 text-center [appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none"
      />
      <button type="button" className={button} aria-label={t("cart.increase", { title })} disabled={busy || line.quantity >= max} onClick={() => onChange(line.quantity + 1)}>
        +
      </button>
    </form>
  );
}
