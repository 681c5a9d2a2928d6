"use client";
// A delivered line's returns: what was asked back and how it went, and while the 14 days last a
// "Return" button that opens a small form (how many, why). The server checks everything again.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { OrderDetail } from "@market/domain/orders";
import type { LineReturns } from "@market/domain/returns";
import { Button, formatMoney } from "@market/ui";
import { useLocale, useT } from "@market/web/i18n/client";
import { describeError, useTRPC } from "@market/web/trpc-client";

type Props = { title: string; currency: OrderDetail["currency"]; info: LineReturns };

const STATUS_KEY = {
  REQUESTED: "orders.return.requested",
  ACCEPTED: "orders.return.accepted",
  REJECTED: "orders.return.rejected",
  REFUNDED: "orders.return.refunded",
} as const;

export function LineReturn({ title, currency, info }: Props) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [quantity, setQuantity] = useState(1);
  const [reason, setReason] = useState("");
  const [sent, setSent] = useState(false);
  const request = useMutation(
    trpc.returns.request.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        setReason("");
        setSent(true);
        router.refresh();
      },
    }),
  );
  const error = request.error ? describeError(request.error) : null;
  const canReturn = info.returnableQuantity > 0;
  if (!canReturn && info.returns.length === 0) return null;

  return (
    <div className="mt-2 flex flex-col gap-2">
      {info.returns.length > 0 ? (
        <ul aria-label={t("orders.return.list", { title })} className="flex flex-col gap-1">
          {info.returns.map((r) => (
            <li key={r.id} className="rounded-lg bg-gray-50 px-2 py-1 text-xs">
              {t(STATUS_KEY[r.status], { count: r.quantity, amount: formatMoney(r.amountMinor, currency, locale), reason: r.rejectReason ?? "" })}
            </li>
          ))}
        </ul>
      ) : null}
      {sent ? <p role="status" className="text-xs text-green-800">{t("orders.return.sent")}</p> : null}
      {canReturn && !open ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button type="button" variant="secondary" className="min-h-9 px-3" onClick={() => { setOpen(true); setSent(false); }}>
            {t("orders.return.button", { title })}
          </Button>
          {info.returnUntil ? (
            <span className="text-xs text-muted">{t("orders.return.until", { date: info.returnUntil.toLocaleDateString(locale, { day: "numeric", month: "long" }) })}</span>
          ) : null}
        </div>
      ) : null}
      {canReturn && open ? (
        <form
          id={formId}
          aria-label={t("orders.return.formTitle", { title })}
          className="flex flex-col gap-2 rounded-xl border border-gray-200 p-3"
          onSubmit={(event) => {
            event.preventDefault();
            request.mutate({ orderLineId: info.orderLineId, quantity, reason });
          }}
        >
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("orders.return.quantity")}
            <select
              autoFocus
              value={quantity}
              onChange={(event) => setQuantity(Number(event.target.value))}
              aria-invalid={error?.fields.quantity ? true : undefined}
              className="min-h-11 rounded-xl border border-gray-300 px-3 text-base"
            >
              {Array.from({ length: info.returnableQuantity }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>{n}</option>
              ))}
            </select>
          </label>
          {error?.fields.quantity ? <p className="text-sm text-sale">{error.fields.quantity}</p> : null}
          <div className="flex flex-col gap-1">
            <label htmlFor={`${formId}-reason`} className="text-sm font-medium">{t("orders.return.reason")}</label>
            <textarea
              id={`${formId}-reason`}
              aria-describedby={`${formId}-reason-hint`}
              value={reason}
              required
              minLength={3}
              maxLength={500}
              rows={2}
              aria-invalid={error?.fields.reason ? true : undefined}
              onChange={(event) => setReason(event.target.value)}
              className="rounded-xl border border-gray-300 px-3 py-2 text-base"
            />
            <p id={`${formId}-reason-hint`} className="text-xs text-muted">{t("orders.return.reasonHint")}</p>
          </div>
          {error?.fields.reason ? <p className="text-sm text-sale">{error.fields.reason}</p> : null}
          {error && !error.fields.reason && !error.fields.quantity ? <p role="alert" className="text-sm text-sale">{error.message}</p> : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" busy={request.isPending}>{t("orders.return.submit")}</Button>
            <Button type="button" variant="ghost" onClick={() => { setOpen(false); request.reset(); }}>{t("orders.return.close")}</Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
