"use client";
// Stripe mode: Stripe's Payment Element collects the card (in Stripe's own frame) and
// confirms the PaymentIntent with Stripe directly; the page then waits for the webhook.
import type { PaymentSession } from "@market/domain/payments";
import { Alert, Button, Spinner, formatMoney } from "@market/ui";
import { useLocale, useT } from "@market/web/i18n/client";
import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { loadStripe, type Stripe } from "@stripe/stripe-js";
import { useState, type FormEvent } from "react";

type Currency = PaymentSession["currency"];

// Stripe.js is loaded once per key for the life of the page.
const loaded = new Map<string, Promise<Stripe | null>>();
function stripeFor(publishableKey: string) {
  let promise = loaded.get(publishableKey);
  if (!promise) {
    promise = loadStripe(publishableKey);
    loaded.set(publishableKey, promise);
  }
  return promise;
}

type Props = { number: string; publishableKey: string; clientSecret: string; totalMinor: number; currency: Currency; onConfirmed: () => void };

export function StripePaymentForm({ publishableKey, clientSecret, ...rest }: Props) {
  const locale = useLocale();
  return (
    <Elements stripe={stripeFor(publishableKey)} options={{ clientSecret, locale: locale === "ru" ? "ru" : "en", appearance: { theme: "stripe" } }}>
      <ElementForm {...rest} />
    </Elements>
  );
}

function ElementForm({ number, totalMinor, currency, onConfirmed }: Omit<Props, "publishableKey" | "clientSecret">) {
  const t = useT();
  const locale = useLocale();
  const stripe = useStripe();
  const elements = useElements();
  const [ready, setReady] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setBusy(true);
    setError(null);
    try {
      const result = await stripe.confirmPayment({
        elements,
        // Methods that leave the page (bank redirects) come back here, where the page waits.
        confirmParams: { return_url: `${window.location.origin}/orders/${encodeURIComponent(number)}/pay` },
        redirect: "if_required",
      });
      if (result.error) {
        // Stripe's own messages for card and input errors are written for shoppers and localized.
        setError(result.error.type === "card_error" || result.error.type === "validation_error" ? (result.error.message ?? t("payment.error.generic")) : t("payment.error.generic"));
      } else {
        onConfirmed();
      }
    } catch {
      setError(t("payment.error.network"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label={t("payment.cardTitle")} className="flex flex-col gap-3 rounded-2xl border border-gray-200 p-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {ready ? null : <Spinner label={t("payment.loadingForm")} />}
      <PaymentElement onReady={() => setReady(true)} />
      <Button type="submit" busy={busy} disabled={!stripe || !ready} className="w-full">
        {t("payment.pay", { amount: formatMoney(totalMinor, currency, locale) })}
      </Button>
    </form>
  );
}
