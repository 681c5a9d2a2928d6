"use client";
// The checkout form. One idempotency key per visit to the page: a double click, a retry after a
// timeout or a second tab submitting the same form all get the same order.
import type { CheckoutPreview } from "@market/domain/checkout";
import type { PickupPointView } from "@market/domain/delivery";
import { Alert, Button, TextField, formatMoney } from "@market/ui";
import { useLocale, useT } from "@market/web/i18n/client";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { CheckoutPausedNotice } from "../cart/cart-notices";
import { useCartSync } from "../cart/use-device-cart";
import { DialogButton } from "../product/dialog";
import { PickupPointChooser } from "../product/pickup-point-chooser";

type Method = "PICKUP" | "COURIER";

const PROBLEM_TEXT = { "sold-out": "checkout.problemSoldOut", "not-sold": "cart.notSold", currency: "checkout.problemCurrency", "not-enough": "checkout.problemSoldOut" } as const;

function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_");
}

export function CheckoutForm({ initialPreview, chosenPoint }: { initialPreview: CheckoutPreview; chosenPoint: PickupPointView | null }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { checkoutPaused } = useCartSync();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [method, setMethod] = useState<Method>("PICKUP");
  const [address, setAddress] = useState({ city: "", street: "", apartment: "", postcode: "", comment: "" });
  const [contact, setContact] = useState({ name: initialPreview.contact.name, phone: "", email: initialPreview.contact.email });

  const previewInput =
    method === "PICKUP"
      ? chosenPoint
        ? { delivery: { method: "PICKUP" as const, pickupPointId: chosenPoint.id } }
        : {}
      : { delivery: { method: "COURIER" as const, city: address.city.trim() } };
  const preview = useQuery({
    ...trpc.checkout.preview.queryOptions(previewInput),
    initialData: method === "PICKUP" ? initialPreview : undefined,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const data = preview.data ?? initialPreview;

  const place = useMutation(
    trpc.checkout.placeOrder.mutationOptions({
      onSuccess: async (order) => {
        // The ordered lines left the cart: the header's count must say so.
        await queryClient.invalidateQueries({ queryKey: trpc.cart.pathKey() });
        router.push(`/orders/${order.number}/pay`);
      },
    }),
  );
  const problem = place.error ? describeError(place.error) : null;
  const fieldError = (name: string) => problem?.fields[name] ?? null;
  const money = (minor: number) => formatMoney(minor, data.currency ?? "RUB", locale);
  const blocked = data.problems.length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (method === "PICKUP" && !chosenPoint) return;
    place.mutate({
      idempotencyKey,
      delivery: method === "PICKUP" ? { method, pickupPointId: chosenPoint!.id } : { method, address },
      contact,
    });
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] lg:items-start">
      <div className="flex flex-col gap-6">
        <fieldset className="flex flex-col gap-3 rounded-2xl border border-gray-200 p-4">
          <legend className="px-1 text-lg font-semibold">{t("checkout.delivery")}</legend>
          <div role="radiogroup" aria-label={t("checkout.deliveryMethod")} className="grid grid-cols-2 gap-2">
            {(["PICKUP", "COURIER"] as const).map((value) => (
              <label key={value} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-xl border border-gray-300 px-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                <input type="radio" name="method" value={value} checked={method === value} onChange={() => setMethod(value)} />
                <span className="text-sm font-medium">{value === "PICKUP" ? t("checkout.pickup") : t("checkout.courier", { fee: money(data.courierFeeMinor) })}</span>
              </label>
            ))}
          </div>
          {method === "PICKUP" ? (
            <div className="flex flex-col gap-2 text-sm">
              {chosenPoint ? (
                <p>
                  <span className="font-semibold">{chosenPoint.name}</span>
                  <br />
                  <span className="text-muted">{chosenPoint.city}, {chosenPoint.address} · {chosenPoint.openingHours}</span>
                </p>
              ) : (
                <Alert tone="info">{t("checkout.choosePointFirst")}</Alert>
              )}
              <DialogButton label={chosenPoint ? t("pickup.change") : t("pickup.choose")} title={t("pickup.choose")}>
                <PickupPointChooser currentCity={chosenPoint?.city ?? null} currentId={chosenPoint?.id ?? null} />
              </DialogButton>
            </div>
          ) : (
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField label={t("checkout.city")} name="city" autoComplete="address-level2" required value={address.city} error={fieldError("delivery.address.city")} onChange={(e) => setAddress({ ...address, city: e.target.value })} />
              <TextField label={t("checkout.street")} name="street" autoComplete="street-address" required value={address.street} error={fieldError("delivery.address.street")} onChange={(e) => setAddress({ ...address, street: e.target.value })} />
              <TextField label={t("checkout.apartment")} name="apartment" value={address.apartment} error={fieldError("delivery.address.apartment")} onChange={(e) => setAddress({ ...address, apartment: e.target.value })} />
              <TextField label={t("checkout.postcode")} name="postcode" autoComplete="postal-code" value={address.postcode} error={fieldError("delivery.address.postcode")} onChange={(e) => setAddress({ ...address, postcode: e.target.value })} />
              <TextField className="sm:col-span-2" label={t("checkout.comment")} name="comment" value={address.comment} error={fieldError("delivery.address.comment")} onChange={(e) => setAddress({ ...address, comment: e.target.value })} />
            </div>
          )}
          {data.estimate ? (
            <p className="text-sm">{t("checkout.estimate", { date: new Date(`${data.estimate}T00:00:00Z`).toLocaleDateString(locale, { day: "numeric", month: "long", timeZone: "UTC" }) })}</p>
          ) : null}
        </fieldset>

        <fieldset className="grid gap-3 rounded-2xl border border-gray-200 p-4 sm:grid-cols-2">
          <legend className="px-1 text-lg font-semibold">{t("checkout.contact")}</legend>
          <TextField label={t("checkout.name")} name="name" autoComplete="name" required value={contact.name} error={fieldError("contact.name")} onChange={(e) => setContact({ ...contact, name: e.target.value })} />
          <TextField label={t("checkout.phone")} name="phone" type="tel" autoComplete="tel" required value={contact.phone} error={fieldError("contact.phone")} onChange={(e) => setContact({ ...contact, phone: e.target.value })} />
          <TextField className="sm:col-span-2" label={t("checkout.email")} name="email" type="email" autoComplete="email" required value={contact.email} error={fieldError("contact.email")} onChange={(e) => setContact({ ...contact, email: e.target.value })} />
        </fieldset>
      </div>

      <aside aria-label={t("checkout.summary")} className="flex flex-col gap-3 rounded-2xl bg-gray-50 p-4 lg:sticky lg:top-24">
        <h2 className="text-lg font-semibold">{t("checkout.summary")}</h2>
        <ul className="flex flex-col gap-2 text-sm">
          {data.cart.groups.map((group) => (
            <li key={group.seller.slug}>
              <p className="font-medium">{t("checkout.parcelFrom", { seller: group.seller.name })}</p>
              <ul className="text-muted">
                {group.lines.map((line) => (
                  <li key={line.id} className="flex justify-between gap-2">
                    <span className="truncate">{line.product.title}{line.size ? `, ${line.size}` : ""} × {line.quantity}</span>
                    <span>{formatMoney(line.lineTotalMinor, line.currency, locale)}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        <dl className="grid grid-cols-[1fr_auto] gap-y-1 border-t border-gray-200 pt-3 text-sm">
          <dt className="text-muted">{t("cart.subtotal")}</dt>
          <dd>{money(data.subtotalMinor)}</dd>
          <dt className="text-muted">{t("checkout.deliveryFee")}</dt>
          <dd>{data.deliveryMinor ? money(data.deliveryMinor) : t("checkout.free")}</dd>
          <dt className="text-base font-semibold">{t("cart.total")}</dt>
          <dd className="text-lg font-bold">{money(data.totalMinor)}</dd>
        </dl>
        {blocked ? (
          <Alert tone="error" title={t("checkout.problemsTitle")}>
            <ul>
              {data.problems.map((p) => (
                <li key={p.variantId}>{p.title}: {p.reason === "not-enough" ? t("cart.notEnough", { count: p.available }) : t(PROBLEM_TEXT[p.reason])}</li>
              ))}
            </ul>
            <Link href="/cart" className="font-semibold underline">{t("checkout.backToCart")}</Link>
          </Alert>
        ) : null}
        {problem ? (
          <Alert tone="error">
            {problem.message}{" "}
            <Link href="/cart" className="font-semibold underline">{t("checkout.backToCart")}</Link>
          </Alert>
        ) : null}
        <CheckoutPausedNotice />
        <Button type="submit" busy={place.isPending} disabled={checkoutPaused || blocked || (method === "PICKUP" && !chosenPoint)}>
          {t("checkout.placeOrder", { total: money(data.totalMinor) })}
        </Button>
        <p className="text-xs text-muted">{t("checkout.reservationNote")}</p>
      </aside>
    </form>
  );
}
