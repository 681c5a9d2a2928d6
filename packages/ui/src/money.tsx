// Money is an integer in minor units with its currency; formatting is the only place it
// becomes a decimal, through Intl so every locale shows it its own way.
const MINOR_DIGITS: Record<string, number> = { RUB: 2, KZT: 2, BYN: 2, USD: 2, EUR: 2 };

export function formatMoney(amountMinor: number, currency: string, locale = "en"): string {
  const digits = MINOR_DIGITS[currency] ?? 2;
  const amount = amountMinor / 10 ** digits;
  const whole = amountMinor % 10 ** digits === 0;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    // "₽ 1,499" in English rather than "RUB 1,499": shoppers read the sign, not the code.
    currencyDisplay: "narrowSymbol",
    minimumFractionDigits: whole ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

export function Price({ amountMinor, compareAtMinor, currency, locale }: {
  amountMinor: number;
  compareAtMinor?: number | null;
  currency: string;
  locale?: string;
}) {
  const discount = compareAtMinor && compareAtMinor > amountMinor ? Math.round((1 - amountMinor / compareAtMinor) * 100) : 0;
  return (
    <span className="flex flex-wrap items-baseline gap-x-2">
      <span className={discount ? "text-lg font-bold text-sale" : "text-lg font-bold"}>{formatMoney(amountMinor, currency, locale)}</span>
      {discount ? (
        <>
          <s className="text-sm text-muted" aria-label={`was ${formatMoney(compareAtMinor!, currency, locale)}`}>
            {formatMoney(compareAtMinor!, currency, locale)}
          </s>
          <span className="rounded bg-sale px-1 text-xs font-semibold text-white">−{discount}%</span>
        </>
      ) : null}
    </span>
  );
}
