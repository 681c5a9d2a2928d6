// The cart: lines grouped by seller (each seller's part ships on its own), today's catalogue
// prices and the totals, with quantity changes and removal. While the database is down the
// page still renders: the browser shows the cart this device saw last with the changes it kept
// (see components/cart), and replays them when the database is back.
import type { Metadata } from "next";
import { getSessionUser } from "@market/auth";
import type { CartView } from "@market/domain/cart";
import { getTranslator } from "@market/web/i18n/server";
import { serverCaller } from "@market/web/trpc-server";
import { CartPageView } from "../../components/cart/cart-page-view";
import { isServiceUnavailable } from "../../components/cart/unavailable";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("cart.title"), robots: { index: false } };
}

export default async function CartPage() {
  const [api, user] = await Promise.all([serverCaller("storefront"), getSessionUser()]);
  let cart: CartView | null = null;
  try {
    cart = await api.cart.get();
  } catch (error) {
    if (!isServiceUnavailable(error)) throw error;
  }
  return <CartPageView initialCart={cart} owner={user ? `user:${user.id}` : "guest"} signedIn={user !== null} />;
}
