// The development mailbox: where email "arrives" when no SMTP server is configured (see
// @market/domain/notifications). Plain server-rendered HTML with a GET form and links, so it works
// without JavaScript and a test can read it like any page. Off (with a message saying why) when
// SMTP_URL is set, and in production unless DEV_MAILBOX=1.
import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { Alert } from "@market/ui";
import { getLocale, getTranslator } from "@market/web/i18n/server";
import { serverCaller } from "@market/web/trpc-server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("mailbox.title"), robots: { index: false } };
}

type Props = { searchParams: Promise<{ to?: string | string[]; before?: string | string[] }> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

export default async function MailboxPage({ searchParams }: Props) {
  const params = await searchParams;
  const to = one(params.to).slice(0, 320);
  const before = one(params.before);
  const [api, t, locale] = await Promise.all([serverCaller("storefront"), getTranslator(), getLocale()]);
  const page = await api.notifications
    .mailbox({ ...(to ? { to } : {}), ...(/^[0-9a-f-]{36}$/i.test(before) ? { cursor: before } : {}) })
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") return { disabled: error.message } as const;
      throw error;
    });
  const when = (at: Date) => at.toLocaleString(locale, { dateStyle: "medium", timeStyle: "medium" });

  if ("disabled" in page) {
    return (
      <div className="mx-auto flex w-full max-w-3xl flex-col gap-4">
        <h1 className="text-2xl font-bold">{t("mailbox.title")}</h1>
        <Alert tone="warning" title={t("mailbox.disabled")}>
          <p>{page.disabled}</p>
        </Alert>
      </div>
    );
  }

  const query = (extra: Record<string, string>) => `/dev/mailbox?${new URLSearchParams({ ...(to ? { to } : {}), ...extra })}`;
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{t("mailbox.title")}</h1>
        <p className="text-sm text-muted">{t("mailbox.intro")}</p>
      </div>

      <form method="get" action="/dev/mailbox" role="search" className="flex flex-wrap items-end gap-2">
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
          {t("mailbox.filterLabel")}
          <input
            type="search"
            name="to"
            defaultValue={to}
            placeholder={t("mailbox.filterPlaceholder")}
            className="min-h-11 rounded-xl border border-gray-300 px-3 font-normal focus:border-brand-600 focus:outline-none"
          />
        </label>
        <button type="submit" className="min-h-11 rounded-xl bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700">
          {t("mailbox.filter")}
        </button>
        {to ? (
          <Link href="/dev/mailbox" className="min-h-11 content-center rounded-xl px-3 text-sm font-semibold text-brand-700 hover:bg-gray-100">
            {t("mailbox.showAll")}
          </Link>
        ) : null}
      </form>

      {page.items.length === 0 ? (
        <div className="flex flex-col items-center gap-2 rounded-2xl bg-gray-50 px-6 py-12 text-center">
          <h2 className="text-lg font-semibold">{to ? t("mailbox.emptyFiltered", { to }) : t("mailbox.empty")}</h2>
          {to ? null : <p className="text-sm text-muted">{t("mailbox.emptyHint")}</p>}
        </div>
      ) : (
        <>
          <p className="text-sm text-muted" role="status">{t("mailbox.count", { count: page.items.length })}</p>
          <ul className="flex flex-col gap-3">
            {page.items.map((message) => (
              <li key={message.id}>
                <article aria-labelledby={`mail-${message.id}`} className="flex flex-col gap-2 rounded-2xl border border-gray-200 p-4">
                  <h2 id={`mail-${message.id}`} className="font-semibold break-words">{message.subject}</h2>
                  <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
                    <dt className="text-muted">{t("mailbox.to")}</dt>
                    <dd className="break-all">{message.to}</dd>
                    <dt className="text-muted">{t("mailbox.time")}</dt>
                    <dd><time dateTime={message.createdAt.toISOString()}>{when(message.createdAt)}</time></dd>
                    <dt className="text-muted">{t("mailbox.transport")}</dt>
                    <dd>{message.transport}</dd>
                    <dt className="text-muted">{t("mailbox.status")}</dt>
                    <dd>
                      {message.sentAt ? t("mailbox.sentAt", { time: when(message.sentAt) }) : t("mailbox.notSent", { attempts: message.attempts })}
                      {message.lastError ? <span className="block text-rose-700">{t("mailbox.lastError", { error: message.lastError })}</span> : null}
                    </dd>
                  </dl>
                  <details className="rounded-xl bg-gray-50 text-sm">
                    <summary className="cursor-pointer px-3 py-2 font-medium">{t("mailbox.showText")}</summary>
                    <pre className="overflow-x-auto px-3 pb-3 font-sans whitespace-pre-wrap break-words">{message.text}</pre>
                  </details>
                </article>
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap justify-between gap-2 text-sm font-semibold">
            {before ? <Link href={query({})} className="rounded-xl px-3 py-2 text-brand-700 hover:bg-gray-100">{t("mailbox.newest")}</Link> : <span />}
            {page.nextCursor ? <Link href={query({ before: page.nextCursor })} className="rounded-xl px-3 py-2 text-brand-700 hover:bg-gray-100">{t("mailbox.older")}</Link> : null}
          </div>
        </>
      )}
    </div>
  );
}
