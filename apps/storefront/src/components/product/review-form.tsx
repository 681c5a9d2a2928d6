"use client";
// "Write a review", shown only to a shopper with a delivered, not yet reviewed purchase of the
// product. After publishing, the page is rendered again with the review and the new rating.
import type { ReviewableLine } from "@market/domain/reviews";
import { Alert, Button, cn } from "@market/ui";
import { useT } from "@market/web/i18n/client";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";

export function ReviewForm({ lines }: { lines: ReviewableLine[] }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const ids = { heading: useId(), rating: useId(), purchase: useId(), text: useId(), textHint: useId() };
  const [rating, setRating] = useState(0);
  const [published, setPublished] = useState(false);
  const [, startRefresh] = useTransition();
  const [problem, setProblem] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const create = useMutation(trpc.reviews.create.mutationOptions());

  if (published && lines.length === 0) return <Alert tone="success">{t("review.thanks")}</Alert>;
  if (lines.length === 0) return null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    if (rating < 1) {
      setProblem({ message: t("review.chooseRating"), fields: { rating: t("review.chooseRating") } });
      return;
    }
    setProblem(null);
    try {
      await create.mutateAsync({ orderLineId: String(form.get("orderLineId")), rating, text: String(form.get("text") ?? "") });
    } catch (error) {
      setProblem(describeError(error));
      return;
    }
    setPublished(true);
    setRating(0);
    formElement.reset();
    startRefresh(() => router.refresh());
  }

  const fields = problem?.fields ?? {};
  const lineLabel = (line: ReviewableLine) =>
    [t("review.orderLine", { number: line.orderNumber }), line.size ? t("product.reviewVariant", { size: line.size }) : null, line.color].filter(Boolean).join(" · ");

  return (
    <form onSubmit={onSubmit} aria-labelledby={ids.heading} noValidate className="flex flex-col gap-4 rounded-2xl border border-gray-200 p-4">
      <h3 id={ids.heading} className="text-lg font-bold">{t("review.write")}</h3>
      {published ? <Alert tone="success">{t("review.thanks")}</Alert> : null}
      {problem ? <Alert tone="error">{problem.message}</Alert> : null}
      {lines.length > 1 ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.purchase} className="text-sm font-medium">{t("review.purchase")}</label>
          <select id={ids.purchase} name="orderLineId" className="min-h-11 rounded-xl border border-gray-300 bg-white px-3 text-base">
            {lines.map((line) => <option key={line.orderLineId} value={line.orderLineId}>{lineLabel(line)}</option>)}
          </select>
        </div>
      ) : (
        <>
          <input type="hidden" name="orderLineId" value={lines[0]!.orderLineId} />
          <p className="text-sm text-muted">{lineLabel(lines[0]!)}</p>
        </>
      )}
      <div className="flex flex-col gap-1">
        <p id={ids.rating} className="text-sm font-medium">{t("review.yourRating")}</p>
        <div role="radiogroup" aria-labelledby={ids.rating} aria-invalid={fields.rating ? true : undefined} className="flex gap-1">
          {[1, 2, 3, 4, 5].map((stars) => (
            <label key={stars} className="relative cursor-pointer rounded-lg p-1 has-focus-visible:outline-2 has-focus-visible:outline-brand-500">
              <input type="radio" name="rating" value={stars} checked={rating === stars} onChange={() => setRating(stars)} aria-label={t("product.stars", { count: stars })} className="absolute inset-0 cursor-pointer appearance-none opacity-0" />
              <span aria-hidden className={cn("text-3xl leading-none", stars <= rating ? "text-amber-500" : "text-gray-300")}>★</span>
            </label>
          ))}
        </div>
        {fields.rating ? <p className="text-sm text-sale">{fields.rating}</p> : null}
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.text} className="text-sm font-medium">{t("review.text")}</label>
        <textarea
          id={ids.text}
          name="text"
          rows={4}
          maxLength={2000}
          aria-describedby={ids.textHint}
          aria-invalid={fields.text ? true : undefined}
          className="rounded-xl border border-gray-300 px-3 py-2 text-base outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
        />
        <p id={ids.textHint} className="text-xs text-muted">{fields.text ?? t("review.textHint")}</p>
      </div>
      <Button type="submit" busy={create.isPending} className="self-start">{t("review.submit")}</Button>
    </form>
  );
}
