"use client";
// The shopper's notifications, newest first, a page at a time. Following one (or its "mark as
// read" button) marks it read; "Mark all as read" does them all. The bell's count is refreshed
// after each change, so the header agrees with the list.
import type { ShopperNotification } from "@market/domain/notifications";
import { Alert, Button, cn, Spinner } from "@market/ui";
import { useLocale, useT } from "@market/web/i18n/client";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { BellIcon } from "../icons";

const PAGE_SIZE = 20;

export function NotificationList() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions({ limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor ?? undefined, staleTime: 0 }),
  );
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.notifications.unreadCount.pathKey() }),
    ]);
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSettled: refresh }));
  const markAll = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSettled: refresh }));

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const anyUnread = items.some((item) => !item.readAt);
  const when = (at: Date) => at.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("notifications.title")}</h1>
        {items.length > 0 ? (
          <Button variant="secondary" busy={markAll.isPending} disabled={!anyUnread} onClick={() => markAll.mutate()}>
            {t("notifications.markAllRead")}
          </Button>
        ) : null}
      </div>
      {markAll.error || markRead.error ? <Alert tone="error">{describeError(markAll.error ?? markRead.error).message}</Alert> : null}

      {list.isPending ? (
        <div className="flex justify-center py-12 text-muted">
          <Spinner label={t("notifications.loading")} />
        </div>
      ) : list.isError ? (
        <Alert tone="error" title={t("notifications.error")}>
          <p>{describeError(list.error).message}</p>
          <Button variant="secondary" className="mt-2" onClick={() => void list.refetch()}>
            {t("notifications.retry")}
          </Button>
        </Alert>
      ) : items.length === 0 ? (
        <div className="flex flex-col items-center gap-3 rounded-2xl bg-gray-50 px-6 py-12 text-center">
          <BellIcon className="size-10 text-muted" />
          <h2 className="text-lg font-semibold">{t("notifications.empty")}</h2>
          <p className="text-sm text-muted">{t("notifications.emptyHint")}</p>
        </div>
      ) : (
        <>
          <ul aria-label={t("notifications.list")} className="flex flex-col gap-2">
            {items.map((item) => (
              <NotificationItem key={item.id} item={item} when={when(item.createdAt)} onRead={() => markRead.mutate({ id: item.id })} />
            ))}
          </ul>
          {list.hasNextPage ? (
            <Button variant="secondary" className="self-center" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t("notifications.loadMore")}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}

function NotificationItem({ item, when, onRead }: { item: ShopperNotification; when: string; onRead: () => void }) {
  const t = useT();
  const unread = !item.readAt;
  const title = item.link ? (
    <Link href={item.link} onClick={unread ? onRead : undefined} className="font-semibold hover:underline after:absolute after:inset-0">
      {item.title}
    </Link>
  ) : (
    <span className="font-semibold">{item.title}</span>
  );
  return (
    <li className={cn("relative flex gap-3 rounded-2xl border p-4", unread ? "border-brand-600/40 bg-brand-50" : "border-gray-200 bg-white")}>
      <span aria-hidden className={cn("mt-1.5 size-2.5 shrink-0 rounded-full", unread ? "bg-brand-600" : "bg-transparent")} />
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <p className="flex flex-wrap items-baseline gap-x-2">
          {unread ? <span className="sr-only">{t("notifications.unread")}: </span> : null}
          {title}
        </p>
        <p className="text-sm">{item.body}</p>
        <p className="text-xs text-muted">
          <time dateTime={item.createdAt.toISOString()}>{when}</time>
        </p>
      </div>
      {unread ? (
        <button
          type="button"
          onClick={onRead}
          aria-label={t("notifications.markRead", { title: item.title })}
          className="relative z-10 h-9 shrink-0 self-start rounded-lg px-2 text-xs font-semibold text-brand-700 hover:bg-white"
        >
          {t("notifications.markReadShort")}
        </button>
      ) : null}
    </li>
  );
}
