// Favourites and cart in the header. For a signed-in shopper it also merges the favourites kept
// on this device as a guest.
import Link from "next/link";
import { getSessionUser } from "@market/auth";
import { getTranslator } from "@market/web/i18n/server";
import { serverCaller } from "@market/web/trpc-server";
import type { CartSummary } from "@market/domain/cart";
import { isServiceUnavailable } from "../cart/unavailable";
import { HeartIcon } from "../icons";
import { CartBadge } from "./cart-badge";
import { FavouritesSync } from "./favourites-sync";

export async function ShopperLinks() {
  const [api, t, user] = await Promise.all([serverCaller("storefront"), getTranslator(), getSessionUser()]);
  // While the database is down the badge counts from what this device kept (see CartBadge).
  let cart: CartSummary | null = null;
  try {
    cart = await api.cart.summary();
  } catch (error) {
    if (!isServiceUnavailable(error)) throw error;
  }
  return (
    <div className="flex items-center gap-1">
      <Link href="/favourites" aria-label={t("nav.favourites")} className="grid size-10 place-items-center rounded-lg hover:bg-white/15">
        <HeartIcon filled={false} className="size-6" />
      </Link>
      <CartBadge owner={user ? `user:${user.id}` : "guest"} summary={cart} />
      {user ? <FavouritesSync /> : null}
    </div>
  );
}
