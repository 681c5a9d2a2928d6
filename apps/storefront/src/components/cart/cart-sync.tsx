"use client";
// Mounted once per page (in the header): tells the device cart whose cart this is and what the
// server said while rendering, and replays kept changes when the server may be back: at once,
// with backoff after failures, when the browser goes online and when the tab is shown again.
import type { CartSummary } from "@market/domain/cart";
import { useTRPC, useTRPCClient } from "@market/web/trpc-client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useLayoutEffect } from "react";
import { attachClient, isUnreachable, markUnreachable, receiveSummary, retryNow, setOwner } from "./device-cart";

export function CartSync({ owner, summary }: { owner: string; summary: CartSummary | null }) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  // Later summaries (refetched on focus, or after others invalidate the cart) keep the
  // device's base quantities current. Not asked for when the page could not get one.
  const query = useQuery({ ...trpc.cart.summary.queryOptions(), initialData: summary ?? undefined, enabled: summary !== null });

  useLayoutEffect(() => {
    setOwner(owner);
  }, [owner]);

  useLayoutEffect(() => {
    if (query.data) receiveSummary(query.data);
    else markUnreachable();
  }, [query.data]);

  useEffect(() => {
    if (query.error && isUnreachable(query.error)) markUnreachable();
  }, [query.error]);

  useEffect(() => {
    attachClient(client);
    const onVisible = () => {
      if (document.visibilityState === "visible") retryNow();
    };
    window.addEventListener("online", retryNow);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.removeEventListener("online", retryNow);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [client]);
  return null;
}
