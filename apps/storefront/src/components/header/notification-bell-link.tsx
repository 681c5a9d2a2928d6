"use client";
// Polls the unread count every 15 seconds while the tab is visible, and again when the shopper
// comes back to it: one indexed count per poll, nothing else.
import { useT } from "@market/web/i18n/client";
import { useTRPC } from "@market/web/trpc-client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { BellIcon } from "../icons";

export const UNREAD_POLL_MS = 15_000;

export function NotificationBellLink({ initialCount }: { initialCount: number | null }) {
  const t = useT();
  const trpc = useTRPC();
  const { data } = useQuery(
    trpc.notifications.unreadCount.queryOptions(undefined, {
      ...(initialCount === null ? {} : { initialData: { count: initialCount }, initialDataUpdatedAt: Date.now() }),
      staleTime: 5_000,
      refetchInterval: UNREAD_POLL_MS,
      refetchIntervalInBackground: false,
      refetchOnWindowFocus: true,
    }),
  );
  const count = data?.count ?? 0;
  return (
    <Link
      href="/notifications"
      aria-label={count > 0 ? t("notifications.bellUnread", { count }) : t("notifications.bell")}
      className="relative grid size-10 place-items-center rounded-lg hover:bg-white/15"
    >
      <BellIcon className="size-6" />
      {count > 0 ? (
        <span aria-hidden data-testid="notification-badge" className="absolute -top-0.5 -right-0.5 grid h-5 min-w-5 place-items-center rounded-full bg-amber-300 px-1 text-xs font-bold text-gray-900">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
