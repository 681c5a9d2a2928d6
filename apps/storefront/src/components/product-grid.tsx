import type { ProductCard } from "@market/domain/catalog";
import { Price, Rating } from "@market/ui";
import type { Locale, Translate } from "@market/web/i18n";
import Link from "next/link";

export function ProductGrid({ products, label, locale, t }: { products: ProductCard[]; label: string; locale: Locale; t: Translate }) {
  if (products.length === 0) {
    return <p className="rounded-xl bg-gray-50 p-6 text-center text-muted">{t("common.empty")}</p>;
  }
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6">
      {products.map((product) => (
        <li key={product.id}>
          <article aria-label={product.title} className="flex h-full flex-col gap-1">
            <Link href={`/products/${product.slug}`} className="flex flex-col gap-1">
              <div className="aspect-[3/4] overflow-hidden rounded-xl bg-gray-100">
                {product.image ? (
                  // eslint-disable-next-line @next/next/no-img-element -- replaced by next/image with the catalogue pages
                  <img src={product.image.url} alt={product.image.alt} className="size-full object-cover" loading="lazy" />
                ) : null}
              </div>
              {product.price ? <Price {...product.price} locale={locale} /> : <span className="text-sm text-muted">{t("product.notAvailable")}</span>}
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
