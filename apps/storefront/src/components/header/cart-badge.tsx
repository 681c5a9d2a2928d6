"use client";
// The cart link in the header with the number of items; "Add to cart" updates it in place.
import { useT } from "@market/web/i18n/client";
import { useTRPC } from "@market/web/trpc-client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

export function CartBadge({ initialCount }: { initialCount: number }) {
  const t = useT();
  const trpc = useTRPC();
  const summary = useQuery({ ...trpc.cart.summary.queryOptions(), initialData: { itemCount: initialCount } });
  const count = summary.data.itemCount;
  return (
    <Link href="/cart" aria-label={t("nav.cartCount", { count })} className="relative grid size-10 place-items-center rounded-lg hover:bg-white/15">
      <svg viewBox="0 0 24 24" aria-hidden className="size-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M3 4h2l2.4 10.2a1.5 1.5 0 0 0 1.5 1.1h8.6a1.5 1.5 0 0 0 1.5-1.1L21 7H6.2" />
        <circle cx="9.5" cy="19.5" r="1.3" />
        <circle cx="17.5" cy="19.5" r="1.3" />
      </svg>
      {count > 0 ? (
        <span aria-hidden className="absolute -top-0.5 -right-0.5 grid h-5 min-w-5 place-items-center rounded-full bg-white px-1 text-xs font-bold text-brand-700">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
