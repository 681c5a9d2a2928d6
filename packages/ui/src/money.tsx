// Money is an integer in minor units with its currency; formatting is the only place it
// becomes a decimal, through Intl so every locale shows it its own way.
import { cn } from "./cn.ts";

const MINOR_DIGITS: Record<string, number> = { RUB: 2, KZT: 2, BYN: 2, USD: 2, EUR: 2 };

// Building an Intl.NumberFormat costs far more than using one (a listing formats a hundred
// prices), so each locale, currency and fraction style gets one, made on first use.
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, currency: string, digits: number, whole: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${digits}|${whole ? 1 : 0}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      // "₽ 1,499" in English rather than "RUB 1,499": shoppers read the sign, not the code.
      currencyDisplay: "narrowSymbol",
      minimumFractionDigits: whole ? 0 : digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatMoney(amountMinor: number, currency: string, locale = "en"): string {
  const digits = MINOR_DIGITS[currency] ?? 2;
  const whole = amountMinor % 10 ** digits === 0;
  return formatterFor(locale, currency, digits, whole).format(amountMinor / 10 ** digits);
}

/** Whole percent off the price before the discount; 0 when there is no discount. */
export function discountPercent(amountMinor: number, compareAtMinor: number | null | undefined): number {
  return compareAtMinor && compareAtMinor > amountMinor ? Math.round((1 - amountMinor / compareAtMinor) * 100) : 0;
}

const SIZES = {
  md: { price: "text-lg", was: "text-sm" },
  lg: { price: "text-3xl", was: "text-base" },
} as const;

/**
 * A price with its discount: the price, the crossed-out price before the discount and "−N%".
 * `wasLabel` names the crossed-out price for screen readers in the shopper's language
 * ("Was ₽ 1,999"), since a strike-through alone says nothing to them.
 */
export function Price({ amountMinor, compareAtMinor, currency, locale, wasLabel, size = "md" }: {
  amountMinor: number;
  compareAtMinor?: number | null;
  currency: string;
  locale?: string;
  wasLabel: (formattedPrice: string) => string;
  size?: keyof typeof SIZES;
}) {
  const discount = discountPercent(amountMinor, compareAtMinor);
  const sizes = SIZES[size];
  return (
    <span className="flex flex-wrap items-baseline gap-x-2">
      <span className={cn("font-bold", sizes.price, discount && "text-sale")}>{formatMoney(amountMinor, currency, locale)}</span>
      {discount ? (
        <>
          <s className={cn("text-muted", sizes.was)} aria-label={wasLabel(formatMoney(compareAtMinor!, currency, locale))}>
            {formatMoney(compareAtMinor!, currency, locale)}
          </s>
          <span className="rounded bg-sale px-1.5 text-xs font-semibold text-white">{`−${discount}%`}</span>
        </>
      ) : null}
    </span>
  );
}
