import type { Translate } from "@market/web/i18n";
import Link from "next/link";

/** Numbered pages around the current one, as links: every page has its own URL. */
export function Pagination({ page, pageCount, hrefFor, t }: { page: number; pageCount: number; hrefFor: (page: number) => string; t: Translate }) {
  if (pageCount <= 1) return null;
  const pages = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...pages].sort((a, b) => a - b);
  const link = "inline-flex min-h-11 min-w-11 items-center justify-center rounded-xl border border-gray-200 px-3 text-sm hover:bg-gray-50";
  return (
    <nav aria-label={t("pagination.label")} className="flex flex-wrap items-center justify-center gap-2">
      {page > 1 ? <Link className={link} href={hrefFor(page - 1)} rel="prev">{t("pagination.previous")}</Link> : null}
      {sorted.map((p, i) => (
        <span key={p} className="flex items-center gap-2">
          {i > 0 && p - sorted[i - 1]! > 1 ? <span aria-hidden>…</span> : null}
          {p === page ? (
            <span aria-current="page" aria-label={t("pagination.page", { page: p })} className={`${link} border-brand-600 bg-brand-600 font-semibold text-white`}>{p}</span>
          ) : (
            <Link className={link} href={hrefFor(p)} aria-label={t("pagination.page", { page: p })}>{p}</Link>
          )}
        </span>
      ))}
      {page < pageCount ? <Link className={link} href={hrefFor(page + 1)} rel="next">{t("pagination.next")}</Link> : null}
    </nav>
  );
}
