import type { ProductCard } from "@market/domain/catalog";
import { Price, Rating } from "@market/ui";
import type { Locale, Translate } from "@market/web/i18n";
import Image from "next/image";
import Link from "next/link";

/**
 * The width a card's picture is shown at, column by column as the grid below lays them out
 * (2, 3, 4, then 6 columns in a page at most 80rem wide): the browser picks the smallest
 * optimised picture that fills it.
 */
const CARD_IMAGE_SIZES = "(min-width: 1280px) 200px, (min-width: 1024px) 16vw, (min-width: 768px) 25vw, (min-width: 640px) 33vw, 50vw";

/**
 * `eager`: how many of the first cards load their picture at once (those in the first screen,
 * where lazy loading would only delay the largest paint); the rest load as they scroll in.
 */
export function ProductGrid({ products, label, locale, t, eager = 0 }: { products: ProductCard[]; label: string; locale: Locale; t: Translate; eager?: number }) {
  if (products.length === 0) {
    return <p className="rounded-xl bg-gray-50 p-6 text-center text-muted">{t("common.empty")}</p>;
  }
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6">
      {products.map((product, index) => (
        <li key={product.id}>
          <article aria-label={product.title} className="flex h-full flex-col gap-1">
            {/* No prefetch: a product page is rendered per request, so a prefetch fetches only its
                route tree (about 3 ms of server CPU each), and a listing shows 24 cards. */}
            <Link href={`/products/${product.slug}`} prefetch={false} className="flex flex-col gap-1">
              <div className="relative aspect-[3/4] overflow-hidden rounded-xl bg-gray-100">
                {product.image ? (
                  <Image src={product.image.url} alt={product.image.alt} fill sizes={CARD_IMAGE_SIZES} loading={index < eager ? "eager" : "lazy"} className="object-cover" />
                ) : null}
              </div>
              {product.price ? (
                <Price {...product.price} locale={locale} wasLabel={(price) => t("product.wasPrice", { price })} />
              ) : (
                <span className="text-sm text-muted">{t("product.notAvailable")}</span>
              )}
              <h3 className="line-clamp-2 text-sm">{product.title}</h3>
            </Link>
            <Rating
              average={product.rating.average}
              count={product.rating.count}
              label={product.rating.count ? t("product.reviews", { count: product.rating.count }) : t("product.noReviews")}
            />
            <p className="text-xs text-muted">{product.seller.name}</p>
          </article>
        </li>
      ))}
    </ul>
  );
}
