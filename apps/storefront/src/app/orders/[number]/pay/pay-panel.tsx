"use client";
// The payment part of the pay page: the card form until a payment is confirmed, then progress
// while the provider's webhook makes the order paid, then the order page.
import type { PaymentSession, SandboxCardOutcome } from "@market/domain/payments";
import { Alert } from "@market/ui";
import { useT } from "@market/web/i18n/client";
import { useState } from "react";
import { PaymentProgress } from "./payment-progress";
import { SandboxCardForm } from "./sandbox-card-form";
import { StripePaymentForm } from "./stripe-payment-form";

type Currency = PaymentSession["currency"];

export type PayPanelProps = {
  number: string;
  totalMinor: number;
  currency: Currency;
  session: PaymentSession;
  lastFailure: string | null;
  testCards: { number: string; outcome: SandboxCardOutcome }[];
};

export function PayPanel({ number, totalMinor, currency, session, lastFailure, testCards }: PayPanelProps) {
  const t = useT();
  const confirmedAlready = session.status === "PROCESSING" || session.status === "SUCCEEDED";
  const [stage, setStage] = useState<"form" | "progress">(confirmedAlready ? "progress" : "form");
  const [failure, setFailure] = useState<string | null>(lastFailure);

  if (stage === "progress") {
    return (
      <PaymentProgress
        number={number}
        onFailed={(reason) => {
          setFailure(reason);
          setStage("form");
        }}
      />
    );
  }
  const onConfirmed = () => {
    setFailure(null);
    setStage("progress");
  };
  return (
    <section aria-labelledby="pay-card" className="flex flex-col gap-3">
      <h2 id="pay-card" className="text-lg font-semibold">{t("payment.cardTitle")}</h2>
      {failure ? <Alert tone="warning">{t("payment.lastAttemptFailed", { reason: failure })}</Alert> : null}
      {session.mode === "stripe" && session.publishableKey ? (
        <StripePaymentForm number={number} publishableKey={session.publishableKey} clientSecret={session.clientSecret} totalMinor={totalMinor} currency={currency} onConfirmed={onConfirmed} />
      ) : (
        <SandboxCardForm paymentIntentId={session.paymentIntentId} clientSecret={session.clientSecret} totalMinor={totalMinor} currency={currency} testCards={testCards} onConfirmed={onConfirmed} />
      )}
      <p className="text-xs text-muted">{t("payment.secure")}</p>
    </section>
  );
}
