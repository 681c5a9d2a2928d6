"use client";
// Keeps an open order page current while the order can still change (a payment being confirmed,
// a package on its way) without the shopper reloading. Every few seconds it asks for the order's
// fingerprint (notifications.orderUpdates: one small query) and renders the page again only when
// that changed, rather than re-rendering the whole page on a timer. Polling pauses while the tab
// is hidden and catches up when the shopper comes back; the page stops rendering this component
// once the order is finished, which ends the polling.
import { useTRPC } from "@market/web/trpc-client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

export function OrderLiveUpdates({ number, stamp, everyMs }: { number: string; stamp: string; everyMs: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [mountedAt] = useState(Date.now);
  const { data, dataUpdatedAt } = useQuery(
    trpc.notifications.orderUpdates.queryOptions(
      { number },
      {
        staleTime: 0,
        refetchInterval: everyMs,
        refetchIntervalInBackground: false,
        refetchOnWindowFocus: true,
        // A failed poll is simply the next poll's job.
        retry: false,
      },
    ),
  );
  // What the page on screen shows: the stamp it was rendered with, or one a refresh is fetching.
  const shown = useRef(stamp);
  useEffect(() => {
    shown.current = stamp;
  }, [stamp]);
  useEffect(() => {
    // Answers cached from an earlier visit say nothing about this render.
    if (!data || dataUpdatedAt < mountedAt || data.stamp === shown.current) return;
    shown.current = data.stamp;
    router.refresh();
    // The change usually comes with news: let the bell catch up now rather than in 15 s.
    void queryClient.invalidateQueries({ queryKey: trpc.notifications.unreadCount.pathKey() });
  }, [data, dataUpdatedAt, mountedAt, router, queryClient, trpc]);
  return null;
}
