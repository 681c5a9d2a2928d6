"use client";
// "Recently viewed" on the home page: the products this device opened last (kept in
// localStorage by the product page), newest first. Hidden when there are none.
import { useLocale, useT } from "@market/web/i18n/client";
import { useTRPC } from "@market/web/trpc-client";
import { useQuery } from "@tanstack/react-query";
import { useDeviceList } from "../lib/device-lists";
import { ProductGrid } from "./product-grid";

export function RecentlyViewed() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const ids = useDeviceList("recentlyViewed");
  const products = useQuery({ ...trpc.catalog.productsByIds.queryOptions({ ids: ids ?? [] }), enabled: !!ids?.length });
  if (!ids?.length || !products.data?.length) return null;
  return (
    <section aria-labelledby="recently-viewed-heading" className="flex flex-col gap-3">
      <h2 id="recently-viewed-heading" className="text-2xl font-bold">{t("home.recentlyViewed")}</h2>
      <ProductGrid products={products.data} label={t("home.recentlyViewed")} locale={locale} t={t} />
    </section>
  );
}
