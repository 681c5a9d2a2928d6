// The product page, rendered on the server. Only the gallery, the variant picker with its
// buttons, the favourite button and the dialogs run in the browser.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TRPCError } from "@trpc/server";
import { getSessionUser } from "@market/auth";
import type { ProductPage, SizeChart } from "@market/domain/catalog";
import type { Locale, Translate } from "@market/web/i18n";
import { getLocale, getTranslator } from "@market/web/i18n/server";
import { serverCaller } from "@market/web/trpc-server";
import { BuyBox } from "../../../components/product/buy-box";
import { DialogButton } from "../../../components/product/dialog";
import { FavouriteButton } from "../../../components/product/favourite-button";
import { ProductGallery } from "../../../components/product/gallery";
import { PickupPointChooser } from "../../../components/product/pickup-point-chooser";
import { RatingSummaryView } from "../../../components/product/rating-summary";
import { RecordView } from "../../../components/product/record-view";
import { ReviewForm } from "../../../components/product/review-form";
import { ReviewList } from "../../../components/product/review-list";
import { Stars } from "../../../components/product/stars";

type Params = { params: Promise<{ slug: string }> };

/** The product, or null for unknown and unpublished ones (and addresses that cannot be slugs). */
const loadProduct = cache(async (slug: string): Promise<ProductPage | null> => {
  const api = await serverCaller("storefront");
  try {
    return await api.product.page({ slug });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const product = await loadProduct((await params).slug);
  if (!product) return {};
  const description = product.descriptionText.length > 160 ? `${product.descriptionText.slice(0, 157).trimEnd()}…` : product.descriptionText;
  const image = product.images[0];
  return {
    title: product.title,
    description,
    alternates: { canonical: `/products/${product.slug}` },
    openGraph: { title: product.title, description, type: "website", ...(image ? { images: [{ url: image.url, alt: image.alt }] } : {}) },
  };
}

export default async function ProductPageRoute({ params }: Params) {
  const product = await loadProduct((await params).slug);
  if (!product) notFound();
  const [api, locale, t, user] = await Promise.all([serverCaller("storefront"), getLocale(), getTranslator(), getSessionUser()]);
  const [summary, reviews, estimate, reviewable, favouriteIds] = await Promise.all([
    api.reviews.summary({ productId: product.id }),
    api.reviews.list({ productId: product.id }),
    api.delivery.estimate({ productId: product.id }),
    user ? api.reviews.reviewable({ productId: product.id }) : Promise.resolve([]),
    user ? api.favourites.ids() : Promise.resolve([]),
  ]);
  const point = estimate?.pickupPoint ?? null;
  const categoryName = locale === "ru" ? product.category.nameRu : product.category.name;

  return (
    <article aria-labelledby="product-title" className="flex flex-col gap-6">
      <RecordView productId={product.id} />
      <div className="-mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl bg-brand-50 px-4 py-2 text-sm">
        <PinIcon />
        {point ? (
          <p className="min-w-0 flex-1">
            <span className="text-muted">{t("pickup.deliverTo")}: </span>
            <span className="font-semibold">{point.name}</span>
          </p>
        ) : null}
        <DialogButton label={point ? t("pickup.change") : t("pickup.choose")} title={t("pickup.choose")}>
          <PickupPointChooser currentCity={point?.city ?? null} currentId={point?.id ?? null} />
        </DialogButton>
      </div>

      <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)] lg:gap-10 xl:grid-cols-[minmax(0,30rem)_minmax(0,1fr)]">
        <ProductGallery images={product.images} />
        <div className="flex flex-col gap-5">
          <div className="flex flex-col gap-1">
            <p className="text-sm text-muted">
              <Link href={`/catalog/${product.category.slug}`} className="hover:underline">{categoryName}</Link>
              {product.brand ? <> · <span>{product.brand}</span></> : null}
            </p>
            <h1 id="product-title" className="text-xl font-bold sm:text-2xl">{product.title}</h1>
            <a href="#reviews" className="flex items-center gap-2 text-sm">
              <Stars rating={product.rating.average} label={t("product.ratingOutOf", { average: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(product.rating.average) })} />
              <span className="text-muted">{product.rating.count ? t("product.ratings", { count: product.rating.count }) : t("product.noReviews")}</span>
            </a>
          </div>
          <BuyBox
            productId={product.id}
            variants={product.variants}
            estimates={estimate?.variants ?? null}
            cartItem={{ slug: product.slug, title: product.title, image: product.images[0] ? { url: product.images[0].url, alt: product.images[0].alt } : null, seller: { slug: product.seller.slug, name: product.seller.name } }}
            sizeChart={product.category.sizeChart ? (
              <DialogButton label={t("product.sizeChart")} title={t("product.sizeChart")}>
                <SizeTable chart={product.category.sizeChart} locale={locale} t={t} />
              </DialogButton>
            ) : undefined}
            favourite={<FavouriteButton productId={product.id} signedIn={user !== null} initial={favouriteIds.includes(product.id)} />}
          />
          <SellerCard seller={product.seller} t={t} locale={locale} />
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-2 lg:gap-10">
        {product.descriptionHtml ? (
          <section aria-labelledby="description-heading" className="flex flex-col gap-2">
            <h2 id="description-heading" className="text-xl font-bold">{t("product.description")}</h2>
            {/* Cleaned to a small allow-list by the domain (catalog/product-description.ts). */}
            <div className="product-description leading-relaxed" dangerouslySetInnerHTML={{ __html: product.descriptionHtml }} />
          </section>
        ) : null}
        {product.characteristics.length > 0 ? (
          <section aria-labelledby="characteristics-heading" className="flex flex-col gap-2">
            <h2 id="characteristics-heading" className="text-xl font-bold">{t("product.characteristics")}</h2>
            <table className="w-full text-sm">
              <tbody>
                {product.characteristics.map((c) => (
                  <tr key={c.name} className="border-b border-dashed border-gray-200">
                    <th scope="row" className="py-2 pr-4 text-left font-normal text-muted">{locale === "ru" && c.nameRu ? c.nameRu : c.name}</th>
                    <td className="py-2">{c.value}{c.unit ? ` ${c.unit}` : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
      </div>

      <section id="reviews" aria-labelledby="reviews-heading" className="flex scroll-mt-32 flex-col gap-4">
        <h2 id="reviews-heading" className="text-xl font-bold">{t("product.reviewsHeading")}</h2>
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)] lg:gap-10">
          <div className="flex flex-col gap-4">
            <RatingSummaryView summary={summary} t={t} locale={locale} />
            {user ? <ReviewForm lines={reviewable} /> : null}
          </div>
          {reviews.items.length > 0 ? (
            <ReviewList productId={product.id} first={reviews.items} nextCursor={reviews.nextCursor} />
          ) : (
            <p className="rounded-xl bg-gray-50 p-6 text-center text-muted">{t("product.noReviews")}</p>
          )}
        </div>
      </section>
    </article>
  );
}

function PinIcon() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className="size-5 shrink-0 text-brand-600" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round">
      <path d="M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11z" />
      <circle cx="12" cy="10" r="2.3" />
    </svg>
  );
}

function SizeTable({ chart, locale, t }: { chart: SizeChart; locale: Locale; t: Translate }) {
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-muted">{t("product.sizeChartUnit", { unit: chart.unit })}</p>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-gray-200">
              {chart.columns.map((column) => (
                <th key={column.key} scope="col" className="px-2 py-2 text-left font-semibold">{locale === "ru" ? column.labelRu : column.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.rows.map((row, i) => (
              <tr key={row.size ?? i} className="border-b border-gray-100">
                {chart.columns.map((column, c) =>
                  c === 0 ? (
                    <th key={column.key} scope="row" className="px-2 py-2 text-left font-semibold">{row[column.key]}</th>
                  ) : (
                    <td key={column.key} className="px-2 py-2">{row[column.key]}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function SellerCard({ seller, t, locale }: { seller: ProductPage["seller"]; t: Translate; locale: Locale }) {
  const average = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(seller.rating.average);
  return (
    <section aria-label={t("product.seller")} className="flex items-center justify-between gap-3 rounded-2xl border border-gray-200 p-4">
      <div className="flex min-w-0 flex-col gap-0.5">
        <span className="text-xs text-muted">{t("product.seller")}</span>
        <Link href={`/sellers/${seller.slug}`} className="truncate font-semibold text-brand-700 hover:underline">{seller.name}</Link>
        <span className="text-sm text-muted">{t("product.sellerProducts", { count: seller.productCount })}</span>
      </div>
      <div className="flex shrink-0 flex-col items-end text-sm">
        {seller.rating.count ? (
          <>
            <span className="font-semibold"><span aria-hidden className="text-amber-500">★ </span>{average}</span>
            <span className="text-xs text-muted">{t("product.ratings", { count: seller.rating.count })}</span>
          </>
        ) : (
          <span className="text-xs text-muted">{t("product.sellerNoRating")}</span>
        )}
      </div>
    </section>
  );
}
