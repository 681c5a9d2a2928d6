// Favourites and cart in the header. For a signed-in shopper it also merges the favourites kept
// on this device as a guest.
import Link from "next/link";
import { getSessionUser } from "@market/auth";
import { getTranslator } from "@market/web/i18n/server";
import { serverCaller } from "@market/web/trpc-server";
import { HeartIcon } from "../icons";
import { CartBadge } from "./cart-badge";
import { FavouritesSync } from "./favourites-sync";

export async function ShopperLinks() {
  const [api, t, user] = await Promise.all([serverCaller("storefront"), getTranslator(), getSessionUser()]);
  const cart = await api.cart.summary();
  return (
    <div className="flex items-center gap-1">
      <Link href="/favourites" aria-label={t("nav.favourites")} className="grid size-10 place-items-center rounded-lg hover:bg-white/15">
        <HeartIcon filled={false} className="size-6" />
      </Link>
      <CartBadge initialCount={cart.itemCount} />
      {user ? <FavouritesSync /> : null}
    </div>
  );
}
