import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { searchQueryFromParams } from "@market/domain/search";
import { getLocale, getTranslator } from "@market/web/i18n/server";
import { serverCaller } from "@market/web/trpc-server";
import { ListingPage } from "../../../components/listing/listing-page";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Once per request: the page and its metadata both need it. */
const loadCategory = cache(async (slug: string) => (await serverCaller("storefront")).catalog.category({ slug }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, locale] = await Promise.all([params, getLocale()]);
  const category = await loadCategory(slug);
  return { title: category ? (locale === "ru" ? category.nameRu : category.name) : "Not found" };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const [{ slug }, search, api, locale, t] = await Promise.all([params, searchParams, serverCaller("storefront"), getLocale(), getTranslator()]);
  const query = searchQueryFromParams(search, { category: slug });
  // Side by side: the listing does not need the category's row, only the page does.
  const [category, result] = await Promise.all([loadCategory(slug), api.search.search(query)]);
  if (!category) notFound();
  const name = (c: { name: string; nameRu: string }) => (locale === "ru" ? c.nameRu : c.name);
  return (
    <div className="flex flex-col gap-3">
      <nav aria-label="Breadcrumbs" className="text-sm text-muted">
        <ol className="flex flex-wrap gap-1">
          <li><Link href="/" className="hover:underline">Marketplace</Link> /</li>
          {category.breadcrumbs.map((c) => (
            <li key={c.slug}><Link href={`/catalog/${c.slug}`} className="hover:underline">{name(c)}</Link> /</li>
          ))}
        </ol>
      </nav>
      {category.children.length ? (
        <ul aria-label={name(category)} className="flex gap-2 overflow-x-auto pb-1">
          {category.children.map((c) => (
            <li key={c.slug} className="shrink-0">
              <Link href={`/catalog/${c.slug}`} className="block rounded-full bg-brand-50 px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-100">{name(c)}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      <ListingPage heading={name(category)} basePath={`/catalog/${slug}`} query={query} result={result} fixed={["category"]} locale={locale} t={t} />
    </div>
  );
}
