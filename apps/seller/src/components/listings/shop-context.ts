// The products pages work on one shop at a time: ?shop=<slug> when a seller has several.
import { serverCaller } from "@market/web/trpc-server";

export type ShopChoice = { shop: { id: string; slug: string; name: string }; shops: { id: string; slug: string; name: string }[]; shopQuery: string };

/** The chosen shop (the first one by default), or null for a seller without shops. */
export async function chooseShop(requested: string | undefined): Promise<ShopChoice | null> {
  const api = await serverCaller("seller");
  const shops = await api.sellers.myShops();
  if (shops.length === 0) return null;
  const shop = shops.find((s) => s.slug === requested) ?? shops[0]!;
  return { shop, shops, shopQuery: shops.length > 1 ? `?shop=${encodeURIComponent(shop.slug)}` : "" };
}
