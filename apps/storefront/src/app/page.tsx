import Link from "next/link";
import { getLocale, getTranslator } from "@market/web/i18n/server";
import { serverCaller } from "@market/web/trpc-server";
import { ProductGrid } from "../components/product-grid";
import { RecentlyViewed } from "../components/recently-viewed";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [api, locale, t] = await Promise.all([serverCaller("storefront"), getLocale(), getTranslator()]);
  const [categories, popular, newest] = await Promise.all([
    api.catalog.categories(),
    api.catalog.products({ sort: "popular", limit: 12 }),
    api.catalog.products({ sort: "newest", limit: 12 }),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <nav aria-label={t("home.categories")}>
        <ul className="flex gap-2 overflow-x-auto pb-1">
          {categories.map((category) => (
            <li key={category.id} className="shrink-0">
              <Link href={`/catalog/${category.slug}`} className="block rounded-full bg-brand-50 px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-100">
                {locale === "ru" ? category.nameRu : category.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="popular-heading" className="flex flex-col gap-3">
        <h2 id="popular-heading" className="text-2xl font-bold">{t("home.popular")}</h2>
        <ProductGrid products={popular} label={t("home.popular")} locale={locale} t={t} eager={6} />
      </section>
      <section aria-labelledby="new-heading" className="flex flex-col gap-3">
        <h2 id="new-heading" className="text-2xl font-bold">{t("home.new")}</h2>
        <ProductGrid products={newest} label={t("home.new")} locale={locale} t={t} />
      </section>
      <RecentlyViewed />
    </div>
  );
}
