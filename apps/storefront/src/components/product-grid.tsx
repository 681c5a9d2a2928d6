import type { ProductCard } from "@market/domain/catalog";
import { Price, Rating } from "@market/ui";

export function ProductGrid({ products, label }: { products: ProductCard[]; label: string }) {
  if (products.length === 0) {
    return <p className="rounded-xl bg-gray-50 p-6 text-center text-muted">No products here yet. Check back soon.</p>;
  }
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6">
      {products.map((product) => (
        <li key={product.id}>
          <article aria-label={product.title} className="flex h-full flex-col gap-1">
            <div className="aspect-[3/4] overflow-hidden rounded-xl bg-gray-100">
              {product.image ? (
                // eslint-disable-next-line @next/next/no-img-element -- SVG illustrations; the image pipeline arrives with the catalogue issue
                <img src={product.image.url} alt={product.image.alt} className="size-full object-cover" loading="lazy" />
              ) : null}
            </div>
            {product.price ? <Price {...product.price} /> : <span className="text-sm text-muted">Not available</span>}
            <h3 className="line-clamp-2 text-sm">
              {product.brand ? <span className="font-medium">{product.brand} / </span> : null}
              {product.title}
            </h3>
            <Rating {...product.rating} />
            <p className="text-xs text-muted">{product.seller.name}</p>
          </article>
        </li>
      ))}
    </ul>
  );
}
