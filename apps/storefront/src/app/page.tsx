import { serverCaller } from "@market/web/trpc-server";
import { ProductGrid } from "../components/product-grid";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const api = await serverCaller("storefront");
  const [categories, popular, newest] = await Promise.all([
    api.catalog.categories(),
    api.catalog.products({ sort: "popular", limit: 12 }),
    api.catalog.products({ sort: "newest", limit: 12 }),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <nav aria-label="Categories">
        <ul className="flex gap-2 overflow-x-auto pb-1">
          {categories.map((category) => (
            <li key={category.id} className="shrink-0 rounded-full bg-brand-50 px-4 py-2 text-sm font-medium text-brand-700">
              {category.name}
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="popular-heading" className="flex flex-col gap-3">
        <h2 id="popular-heading" className="text-2xl font-bold">Popular now</h2>
        <ProductGrid products={popular} label="Popular products" />
      </section>
      <section aria-labelledby="new-heading" className="flex flex-col gap-3">
        <h2 id="new-heading" className="text-2xl font-bold">New arrivals</h2>
        <ProductGrid products={newest} label="New products" />
      </section>
    </div>
  );
}
