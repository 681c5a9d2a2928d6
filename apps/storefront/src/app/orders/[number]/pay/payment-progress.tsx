"use client";
// After the card is confirmed: the order becomes paid when the provider's webhook arrives (or
// reconciliation asks). Poll until then and open the order.
import { Alert, Spinner } from "@market/ui";
import { useT } from "@market/web/i18n/client";
import { useTRPC } from "@market/web/trpc-client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

export function PaymentProgress({ number, onFailed }: { number: string; onFailed: (reason: string) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const status = useQuery({ ...trpc.payments.status.queryOptions({ number }), refetchInterval: 1_500, staleTime: 0 });
  const paid = status.data?.orderStatus === "PAID" || status.data?.orderStatus === "COMPLETED";
  const cancelled = status.data?.orderStatus === "CANCELLED";
  // A FAILED left over from an earlier declined attempt is not this attempt's answer: only a
  // failure after this payment was seen in progress sends the shopper back to the form.
  const seenInProgress = useRef(false);

  useEffect(() => {
    const data = status.data;
    if (!data) return;
    if (paid) {
      router.replace(`/orders/${encodeURIComponent(number)}`);
      return;
    }
    if (data.paymentStatus === "PROCESSING" || data.paymentStatus === "REQUIRES_PAYMENT") seenInProgress.current = true;
    if (data.paymentStatus === "FAILED" && seenInProgress.current) onFailed(data.failureMessage ?? t("payment.error.generic"));
  }, [status.data, paid, number, router, onFailed, t]);

  if (cancelled) {
    return (
      <Alert tone="info" title={t("payment.cancelled")}>
        <Link href={`/orders/${encodeURIComponent(number)}`} className="font-semibold underline">{t("payment.viewOrder")}</Link>
      </Alert>
    );
  }
  return (
    <div className="flex flex-col gap-2 rounded-2xl border border-gray-200 p-4">
      {paid ? <Spinner label={t("payment.paid")} /> : <Spinner label={t("payment.processing")} />}
      <p className="text-sm text-muted">{t("payment.processingHint")}</p>
    </div>
  );
}
