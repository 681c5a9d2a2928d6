// A product's price with its discount: the price, the crossed-out price before the discount
// and "−N%". Formatting goes through formatMoney (Intl) in the shopper's language.
import { cn, formatMoney } from "@market/ui";
import type { Translate } from "@market/web/i18n";

export function discountPercent(priceMinor: number, compareAtMinor: number | null): number {
  return compareAtMinor && compareAtMinor > priceMinor ? Math.round((1 - priceMinor / compareAtMinor) * 100) : 0;
}

export function ProductPrice({ priceMinor, compareAtMinor, currency, locale, t, size = "lg" }: {
  priceMinor: number;
  compareAtMinor: number | null;
  currency: string;
  locale: string;
  t: Translate;
  size?: "lg" | "sm";
}) {
  const discount = discountPercent(priceMinor, compareAtMinor);
  return (
    <span className="flex flex-wrap items-baseline gap-x-2">
      <span className={cn("font-bold", size === "lg" ? "text-3xl" : "text-base", discount && "text-sale")}>{formatMoney(priceMinor, currency, locale)}</span>
      {discount ? (
        <>
          <s className={size === "lg" ? "text-base text-muted" : "text-xs text-muted"} aria-label={t("product.wasPrice", { price: formatMoney(compareAtMinor!, currency, locale) })}>
            {formatMoney(compareAtMinor!, currency, locale)}
          </s>
          <span className="rounded bg-sale px-1.5 text-xs font-semibold text-white">−{discount}%</span>
        </>
      ) : null}
    </span>
  );
}
