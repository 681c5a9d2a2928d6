"use client";
// The cart link in the header with the number of items: the server's count with the changes
// kept on this device on top (so it stays right while the database is down), and the cart
// sync that replays those changes.
import type { CartSummary } from "@market/domain/cart";
import { itemCountOnDevice } from "@market/domain/cart-journal";
import { useT } from "@market/web/i18n/client";
import Link from "next/link";
import { CartSync } from "../cart/cart-sync";
import { useDeviceCart } from "../cart/use-device-cart";

/** `summary` is null when the server could not count the cart (database down). */
export function CartBadge({ owner, summary }: { owner: string; summary: CartSummary | null }) {
  const t = useT();
  const device = useDeviceCart();
  const count = device.hydrated ? itemCountOnDevice(device.base ?? {}, device.journal) : (summary?.itemCount ?? 0);
  return (
    <>
      <CartSync owner={owner} summary={summary} />
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
    </>
  );
}
