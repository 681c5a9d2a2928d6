import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { searchQueryFromParams } from "@market/domain/search";
import { Rating } from "@market/ui";
import { getLocale, getTranslator } from "@market/web/i18n/server";
import { serverCaller } from "@market/web/trpc-server";
import { ListingPage } from "../../../components/listing/listing-page";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Once per request: the page and its metadata both need it. */
const loadSeller = cache(async (slug: string) => (await serverCaller("storefront")).sellers.profile({ slug }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const seller = await loadSeller((await params).slug);
  return { title: seller?.name ?? "Not found" };
}

export default async function SellerStorefrontPage({ params, searchParams }: Props) {
  const [{ slug }, search, api, locale, t] = await Promise.all([params, searchParams, serverCaller("storefront"), getLocale(), getTranslator()]);
  const query = searchQueryFromParams(search, { seller: slug });
  // Side by side: the listing does not need the seller's row, only the page does.
  const [seller, result] = await Promise.all([loadSeller(slug), api.search.search(query)]);
  if (!seller) notFound();
  return (
    <div className="flex flex-col gap-4">
      <section aria-label={seller.name} className="flex items-start gap-4 rounded-2xl bg-brand-50 p-4">
        {seller.logoUrl ? (
          // The logo sits beside the shop's name, which says the same: decorative, so alt="".
          // eslint-disable-next-line @next/next/no-img-element -- a 512 px WebP the seller uploaded, served by /files
          <img src={seller.logoUrl} alt="" width={64} height={64} className="size-16 shrink-0 rounded-xl bg-white object-contain" />
        ) : null}
        <div className="flex min-w-0 flex-col gap-1">
          <p className="text-xl font-bold">{seller.name}</p>
          <Rating average={seller.rating.average} count={seller.rating.count}
            label={seller.rating.count ? t("product.reviews", { count: seller.rating.count }) : t("product.noReviews")} />
          {seller.description ? <p className="text-sm text-muted">{seller.description}</p> : null}
        </div>
      </section>
      <ListingPage heading={t("seller.products", { name: seller.name })} basePath={`/sellers/${slug}`} query={query} result={result} fixed={["seller"]} locale={locale} t={t} />
    </div>
  );
}
