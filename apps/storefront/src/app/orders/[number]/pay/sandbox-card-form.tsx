"use client";
// The card form of the payment sandbox. Like Stripe.js, it sends the card straight to the
// provider (the sandbox's Stripe-compatible API) with the PaymentIntent's client secret; our
// server never receives card details. The answer is Stripe's: the intent, or a card error.
import type { PaymentSession, SandboxCardOutcome } from "@market/domain/payments";
import { Alert, Button, TextField, formatMoney } from "@market/ui";
import type { MessageKey } from "@market/web/i18n";
import { useLocale, useT } from "@market/web/i18n/client";
import { useState, type FormEvent } from "react";

type Currency = PaymentSession["currency"];

const SANDBOX_API = "/api/payment-sandbox/v1";

const OUTCOME_TEXT: Record<SandboxCardOutcome, MessageKey> = {
  succeeds: "payment.outcome.succeeds",
  processing: "payment.outcome.processing",
  declined: "payment.outcome.declined",
  insufficient_funds: "payment.outcome.insufficientFunds",
  expired_card: "payment.outcome.expiredCard",
  incorrect_cvc: "payment.outcome.incorrectCvc",
};

type Field = "number" | "expiry" | "cvc";
type CardError = { code?: string; decline_code?: string; param?: string; type?: string };

/** Stripe's error codes in the shopper's language. */
function errorText(error: CardError): { field: Field | null; key: MessageKey } {
  switch (error.code) {
    case "incorrect_number":
    case "invalid_number":
      return { field: "number", key: "payment.error.incorrectNumber" };
    case "invalid_expiry_month":
    case "invalid_expiry_year":
      return { field: "expiry", key: "payment.error.invalidExpiry" };
    case "invalid_cvc":
      return { field: "cvc", key: "payment.error.invalidCvc" };
    case "incorrect_cvc":
      return { field: "cvc", key: "payment.error.incorrectCvc" };
    case "expired_card":
      return { field: null, key: "payment.error.expiredCard" };
    case "card_declined":
      return { field: null, key: error.decline_code === "insufficient_funds" ? "payment.error.insufficientFunds" : "payment.error.declined" };
    case "payment_intent_unexpected_state":
      return { field: null, key: "payment.error.cannotPay" };
    default:
      return { field: null, key: "payment.error.generic" };
  }
}

const groups = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, "$1 ");

function parseExpiry(value: string): { month: string; year: string } | null {
  const match = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(value);
  if (!match) return null;
  const month = Number(match[1]);
  if (month < 1 || month > 12) return null;
  const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
  const now = new Date();
  if (year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1)) return null;
  return { month: String(month), year: String(year) };
}

function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_");
}

export function SandboxCardForm({
  paymentIntentId,
  clientSecret,
  totalMinor,
  currency,
  testCards,
  onConfirmed,
}: {
  paymentIntentId: string;
  clientSecret: string;
  totalMinor: number;
  currency: Currency;
  testCards: { number: string; outcome: SandboxCardOutcome }[];
  onConfirmed: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const [card, setCard] = useState({ number: "", expiry: "", cvc: "" });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const digits = card.number.replace(/\D/g, "");
    const expiry = parseExpiry(card.expiry);
    const errors: Partial<Record<Field, string>> = {};
    if (digits.length < 12 || digits.length > 19) errors.number = t("payment.error.incorrectNumber");
    if (!expiry) errors.expiry = t("payment.error.invalidExpiry");
    if (!/^\d{3,4}$/.test(card.cvc.trim())) errors.cvc = t("payment.error.invalidCvc");
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0 || !expiry) return;

    setBusy(true);
    try {
      const response = await fetch(`${SANDBOX_API}/payment_intents/${encodeURIComponent(paymentIntentId)}/confirm`, {
        method: "POST",
        // One key per attempt: a retried request (a flaky network) is not charged twice.
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Idempotency-Key": newIdempotencyKey() },
        body: new URLSearchParams({
          client_secret: clientSecret,
          "payment_method_data[type]": "card",
          "payment_method_data[card][number]": digits,
          "payment_method_data[card][exp_month]": expiry.month,
          "payment_method_data[card][exp_year]": expiry.year,
          "payment_method_data[card][cvc]": card.cvc.trim(),
        }),
      });
      const body = (await response.json().catch(() => ({}))) as { status?: string; error?: CardError };
      if (response.ok && (body.status === "succeeded" || body.status === "processing")) {
        onConfirmed();
        return;
      }
      const { field, key } = errorText(body.error ?? {});
      if (field) setFieldErrors({ [field]: t(key) });
      else setFormError(t(key));
    } catch {
      setFormError(t("payment.error.network"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={submit} noValidate aria-label={t("payment.cardTitle")} className="flex flex-col gap-3 rounded-2xl border border-gray-200 p-4">
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <TextField
          label={t("payment.cardNumber")}
          name="cardnumber"
          inputMode="numeric"
          autoComplete="cc-number"
          placeholder="1234 1234 1234 1234"
          maxLength={23}
          value={card.number}
          error={fieldErrors.number}
          onChange={(e) => setCard({ ...card, number: groups(e.target.value.replace(/\D/g, "").slice(0, 19)) })}
        />
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label={t("payment.expiry")}
            name="exp-date"
            inputMode="numeric"
            autoComplete="cc-exp"
            placeholder="MM/YY"
            maxLength={7}
            value={card.expiry}
            error={fieldErrors.expiry}
            onChange={(e) => setCard({ ...card, expiry: e.target.value })}
          />
          <TextField
            label={t("payment.cvc")}
            name="cvc"
            inputMode="numeric"
            autoComplete="cc-csc"
            placeholder="123"
            maxLength={4}
            value={card.cvc}
            error={fieldErrors.cvc}
            onChange={(e) => setCard({ ...card, cvc: e.target.value.replace(/\D/g, "") })}
          />
        </div>
        <Button type="submit" busy={busy} className="w-full">
          {t("payment.pay", { amount: formatMoney(totalMinor, currency, locale) })}
        </Button>
      </form>

      {testCards.length > 0 ? (
        <section aria-labelledby="test-cards" className="rounded-2xl bg-amber-50 p-4 text-sm">
          <h3 id="test-cards" className="font-semibold">{t("payment.testCardsTitle")}</h3>
          <p className="mb-2 text-muted">{t("payment.testCardsHint")}</p>
          <ul className="flex flex-col gap-1">
            {testCards.map((testCard) => (
              <li key={testCard.number}>
                <code className="font-mono">{groups(testCard.number)}</code> — {t(OUTCOME_TEXT[testCard.outcome])}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
