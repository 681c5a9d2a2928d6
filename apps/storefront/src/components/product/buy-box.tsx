"use client";
// The variant picker (colour and size as radio groups, each option with its own price and
// availability), the delivery date of the chosen variant and "Add to cart".
import type { ProductPageVariant } from "@market/domain/catalog";
import type { VariantEstimate } from "@market/domain/delivery";
import { Alert, Button, cn, formatMoney, Price } from "@market/ui";
import { useLocale, useT } from "@market/web/i18n/client";
import Link from "next/link";
import { useId, useMemo, useRef, useState, type ReactNode } from "react";
import { addToCart as addToDeviceCart } from "../cart/device-cart";
import { useCartSync } from "../cart/use-device-cart";

const FEW_LEFT = 5;

type Props = {
  productId: string;
  variants: ProductPageVariant[];
  /** Per variant id; null when no pickup point is chosen. */
  estimates: Record<string, VariantEstimate | null> | null;
  /** The "Size chart" dialog, rendered on the server. */
  sizeChart?: ReactNode;
  /** The favourite button, beside "Add to cart". */
  favourite?: ReactNode;
  /** What the cart shows for this product while an add is kept on the device (database down). */
  cartItem?: { slug: string; title: string; image: { url: string; alt: string } | null; seller: { slug: string; name: string } };
};

const unique = <T,>(values: T[]) => [...new Set(values)];

export function BuyBox({ productId, variants, estimates, sizeChart, favourite, cartItem }: Props) {
  const t = useT();
  const locale = useLocale();
  const cartSync = useCartSync();
  const ids = { colour: useId(), size: useId(), status: useId() };
  const sizeGroup = useRef<HTMLDivElement>(null);

  const colours = useMemo(() => unique(variants.map((v) => v.color ?? "")), [variants]);
  const sizes = useMemo(() => unique(variants.flatMap((v) => (v.size ? [v.size] : []))), [variants]);
  const hasSizes = sizes.length > 0;
  const find = (colour: string, size: string | null) => variants.find((v) => (v.color ?? "") === colour && (v.size ?? null) === size);
  const ofColour = (colour: string) => variants.filter((v) => (v.color ?? "") === colour);

  const [colour, setColour] = useState(() => colours.find((c) => ofColour(c).some((v) => v.available > 0)) ?? colours[0] ?? "");
  const [size, setSize] = useState<string | null>(() => {
    const first = colours.find((c) => ofColour(c).some((v) => v.available > 0)) ?? colours[0] ?? "";
    const available = ofColour(first).filter((v) => v.size && v.available > 0);
    return sizes.length === 1 && available[0]?.size ? available[0].size : null;
  });
  const [problem, setProblem] = useState<string | null>(null);

  const selected = hasSizes ? (size ? find(colour, size) : undefined) : find(colour, null);
  const shown = selected ?? ofColour(colour).toSorted((a, b) => a.priceMinor - b.priceMinor)[0];
  const pricesDiffer = (list: ProductPageVariant[]) => unique(list.map((v) => v.priceMinor)).length > 1;

  // Goes to the server, or, while it cannot be reached, into the cart kept on this device.
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState(false);
  const add = {
    isPending: adding,
    isSuccess: added,
    reset: () => setAdded(false),
    mutate: async (variant: ProductPageVariant) => {
      setAdding(true);
      setAdded(false);
      const item = cartItem
        ? { product: { slug: cartItem.slug, title: cartItem.title, image: cartItem.image }, seller: cartItem.seller, size: variant.size, color: variant.color, unitPriceMinor: variant.priceMinor, compareAtMinor: variant.compareAtMinor, currency: variant.currency, available: variant.available }
        : null;
      const result = await addToDeviceCart(variant.id, item);
      setAdding(false);
      if ("error" in result) setProblem(result.error ?? t("cart.problem"));
      else setAdded(true);
    },
  };

  function chooseColour(next: string) {
    setColour(next);
    setProblem(null);
    add.reset();
    if (size && !(find(next, size)?.available ?? 0)) setSize(null);
  }

  function addToCart() {
    setProblem(null);
    if (!selected) {
      setProblem(t("product.chooseSize"));
      sizeGroup.current?.querySelector<HTMLInputElement>("input:not(:disabled)")?.focus();
      return;
    }
    void add.mutate(selected);
  }

  let availability: { text: string; tone: string };
  if (!selected) availability = { text: t("product.chooseSize"), tone: "text-muted" };
  else if (selected.available === 0) availability = { text: t("product.soldOut"), tone: "text-sale" };
  else if (selected.available <= FEW_LEFT) availability = { text: t("product.fewLeft", { count: selected.available }), tone: "text-amber-700" };
  else availability = { text: t("product.inStock"), tone: "text-emerald-700" };

  const estimate = selected && estimates ? estimates[selected.id] : null;
  const formatDate = (date: string) =>
    new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));

  return (
    <div className="flex flex-col gap-5">
      {shown ? (
        <div className="flex flex-col gap-1" aria-live="polite" id={ids.status}>
          <Price size="lg" amountMinor={shown.priceMinor} compareAtMinor={shown.compareAtMinor} currency={shown.currency} locale={locale} wasLabel={(price) => t("product.wasPrice", { price })} />
          <p className={cn("text-sm font-medium", availability.tone)}>{availability.text}</p>
        </div>
      ) : null}

      {colours.length > 1 ? (
        <div className="flex flex-col gap-2">
          <p id={ids.colour} className="text-sm font-semibold">
            {t("product.colour")}: <span className="font-normal">{colour}</span>
          </p>
          <div role="radiogroup" aria-labelledby={ids.colour} className="flex flex-wrap gap-2">
            {colours.map((c) => {
              const options = ofColour(c);
              const soldOut = options.every((v) => v.available === 0);
              const swatch = options[0]?.colorHex;
              const cheapest = Math.min(...options.map((v) => v.priceMinor));
              return (
                <label
                  key={c}
                  className={cn(
                    "relative flex min-h-11 cursor-pointer items-center gap-2 rounded-xl border px-3 py-1.5 text-sm has-checked:border-brand-600 has-checked:ring-1 has-checked:ring-brand-600 has-focus-visible:outline-2 has-focus-visible:outline-brand-500",
                    soldOut ? "border-dashed border-gray-300 text-muted" : "border-gray-300",
                  )}
                >
                  <input type="radio" name={`${productId}-colour`} value={c} checked={colour === c} onChange={() => chooseColour(c)} className="absolute inset-0 cursor-pointer appearance-none rounded-xl opacity-0" />
                  {swatch ? <span aria-hidden className="size-5 rounded-full border border-black/10" style={{ backgroundColor: swatch }} /> : null}
                  <span>{c}</span>
                  {pricesDiffer(variants) ? <span className="text-xs text-muted">{formatMoney(cheapest, options[0]!.currency, locale)}</span> : null}
                  {soldOut ? <span className="text-xs text-muted">· {t("product.soldOut")}</span> : null}
                </label>
              );
            })}
          </div>
        </div>
      ) : null}

      {hasSizes ? (
        <div className="flex flex-col gap-2">
          <div className="flex items-center justify-between gap-3">
            <p id={ids.size} className="text-sm font-semibold">{t("product.size")}</p>
            {sizeChart}
          </div>
          <div ref={sizeGroup} role="radiogroup" aria-labelledby={ids.size} className="flex flex-wrap gap-2">
            {sizes.map((s) => {
              const variant = find(colour, s);
              const disabled = !variant || variant.available === 0;
              const descriptionId = `${ids.size}-${s}`;
              return (
                <label
                  key={s}
                  className={cn(
                    "relative flex min-h-12 min-w-14 flex-col items-center justify-center rounded-xl border px-3 py-1 text-sm has-checked:border-brand-600 has-checked:ring-1 has-checked:ring-brand-600 has-focus-visible:outline-2 has-focus-visible:outline-brand-500",
                    disabled ? "cursor-not-allowed border-dashed border-gray-300 text-muted" : "cursor-pointer border-gray-300 hover:border-brand-500",
                  )}
                >
                  <input
                    type="radio"
                    name={`${productId}-size`}
                    value={s}
                    checked={size === s}
                    disabled={disabled}
                    onChange={() => { setSize(s); setProblem(null); add.reset(); }}
                    aria-describedby={descriptionId}
                    className="absolute inset-0 cursor-pointer appearance-none rounded-xl opacity-0 disabled:cursor-not-allowed"
                  />
                  <span className={cn("font-semibold", disabled && "line-through")}>{s}</span>
                  <span id={descriptionId} className="text-[11px] leading-tight">
                    {disabled
                      ? t("product.soldOut")
                      : pricesDiffer(ofColour(colour))
                        ? formatMoney(variant.priceMinor, variant.currency, locale)
                        : variant.available <= FEW_LEFT
                          ? t("product.fewLeft", { count: variant.available })
                          : ""}
                  </span>
                </label>
              );
            })}
          </div>
        </div>
      ) : colours.length === 1 && colour ? (
        <p className="text-sm"><span className="font-semibold">{t("product.colour")}:</span> {colour}</p>
      ) : null}

      <section aria-label={t("product.delivery")} className="rounded-xl bg-gray-50 px-4 py-3 text-sm">
        {!estimates ? (
          <p className="text-muted">{t("product.deliveryChoosePoint")}</p>
        ) : !selected ? (
          <p className="text-muted">{t("product.deliveryChooseSize")}</p>
        ) : estimate ? (
          <>
            <p className="font-semibold">{t("product.deliveryOn", { date: formatDate(estimate.date) })}</p>
            {estimate.fromAnotherCity ? <p className="text-xs text-muted">{t("product.deliveryFromAnotherCity")}</p> : null}
          </>
        ) : (
          <p className="text-muted">{t("product.soldOut")}</p>
        )}
      </section>

      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <div className="flex items-stretch gap-2">
        <Button type="button" className="flex-1 text-base" onClick={addToCart} busy={add.isPending} disabled={selected?.available === 0}>
          {selected?.available === 0 ? t("product.soldOut") : t("product.addToCart")}
        </Button>
        {favourite}
      </div>
      {add.isSuccess ? (
        <p role="status" className={cn("flex items-center justify-between gap-3 rounded-xl px-4 py-2 text-sm", cartSync.reachable ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900")}>
          {cartSync.reachable ? t("product.addedToCart") : t("cart.addedOnDevice")}
          <Link href="/cart" className="shrink-0 font-semibold underline">{t("product.goToCart")}</Link>
        </p>
      ) : null}
    </div>
  );
}
