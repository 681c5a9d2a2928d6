import type { Metadata } from "next";
import Link from "next/link";
import { searchQueryFromParams } from "@market/domain/search";
import { getLocale, getTranslator } from "@market/web/i18n/server";
import { serverCaller } from "@market/web/trpc-server";
import { ListingPage } from "../../components/listing/listing-page";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = searchQueryFromParams(await searchParams).q;
  return { title: q ? `“${q}”` : "Search", robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  const [search, api, locale, t] = await Promise.all([searchParams, serverCaller("storefront"), getLocale(), getTranslator()]);
  const query = searchQueryFromParams(search);
  const [result, categories] = await Promise.all([api.search.search(query), api.catalog.categories()]);
  const emptyState = (
    <div className="flex flex-col gap-3 rounded-xl bg-gray-50 p-6">
      <p className="text-lg font-semibold">{t("search.nothingFound", { q: query.q })}</p>
      <p className="text-muted">{t("search.nothingFoundHint")}</p>
      <h2 className="mt-2 font-semibold">{t("search.popularCategories")}</h2>
      <ul className="flex flex-wrap gap-2">
        {categories.map((c) => (
          <li key={c.id}>
            <Link href={`/catalog/${c.slug}`} className="block rounded-full bg-white px-4 py-2 text-sm font-medium text-brand-700 shadow-sm hover:bg-brand-50">
              {locale === "ru" ? c.nameRu : c.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
  return (
    <ListingPage
      heading={query.q ? t("search.resultsFor", { q: query.q }) : t("search.allProducts")}
      basePath="/search"
      query={query}
      result={result}
      fixed={[]}
      locale={locale}
      t={t}
      emptyState={emptyState}
    />
  );
}
