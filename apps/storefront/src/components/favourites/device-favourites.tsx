"use client";
// A guest's favourites, kept on this device until they sign in.
import { Alert, Spinner } from "@market/ui";
import { useLocale, useT } from "@market/web/i18n/client";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { useQuery } from "@tanstack/react-query";
import { useDeviceList } from "../../lib/device-lists";
import { ProductGrid } from "../product-grid";
import { EmptyFavourites } from "./empty-favourites";

export function DeviceFavourites() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const ids = useDeviceList("favourites");
  const products = useQuery({ ...trpc.catalog.productsByIds.queryOptions({ ids: ids ?? [] }), enabled: !!ids?.length });
  if (ids === null || (ids.length > 0 && products.isLoading)) return <Spinner label={t("common.loading")} />;
  if (products.error) return <Alert tone="error">{describeError(products.error).message}</Alert>;
  if (ids.length === 0 || !products.data?.length) return <EmptyFavourites t={t} />;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted">{t("favourites.onDevice")}</p>
      <ProductGrid products={products.data} label={t("favourites.title")} locale={locale} t={t} />
    </div>
  );
}
