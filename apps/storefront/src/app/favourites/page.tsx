import type { Metadata } from "next";
import { getSessionUser } from "@market/auth";
import { getLocale, getTranslator } from "@market/web/i18n/server";
import { serverCaller } from "@market/web/trpc-server";
import { DeviceFavourites } from "../../components/favourites/device-favourites";
import { EmptyFavourites } from "../../components/favourites/empty-favourites";
import { ProductGrid } from "../../components/product-grid";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("favourites.title") };
}

export default async function FavouritesPage() {
  const [user, t, locale] = await Promise.all([getSessionUser(), getTranslator(), getLocale()]);
  const products = user ? await (await serverCaller("storefront")).favourites.list() : null;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("favourites.title")}</h1>
      {products === null ? (
        <DeviceFavourites />
      ) : products.length === 0 ? (
        <EmptyFavourites t={t} />
      ) : (
        <ProductGrid products={products} label={t("favourites.title")} locale={locale} t={t} />
      )}
    </div>
  );
}
