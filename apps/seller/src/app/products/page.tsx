// The shop's products: status filter, search by title, brand or SKU, and pages. Archived products
// are kept for the order history and shown only under their own filter. Filters live in the URL.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@market/auth";
import { formatMoney } from "@market/ui";
import { serverCaller } from "@market/web/trpc-server";
import { dateTime, FilterLink } from "../../components/filter-link";
import { chooseShop } from "../../components/listings/shop-context";
import { LISTING_STATUS_LABEL, ListingStatusBadge, type ListingStatusValue } from "../../components/listings/status-badge";
import { NotASeller } from "../../components/not-a-seller";

export const metadata: Metadata = { title: "Products" };

const STATUSES = Object.keys(LISTING_STATUS_LABEL) as ListingStatusValue[];
const one = (value: string | string[] | undefined) => (typeof value === "string" && value.trim() ? value.trim() : undefined);

export default async function ProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/products");
  if (user.role !== "SELLER") return <NotASeller email={user.email} />;

  const raw = await searchParams;
  const choice = await chooseShop(one(raw.shop));
  if (!choice) {
    return (
      <section className="rounded-2xl bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold">Products</h1>
        <p className="text-muted">
          You are not a member of any shop yet. <Link href="/onboarding" className="font-medium text-brand-600 underline">Create a shop</Link> first; its products are managed here.
        </p>
      </section>
    );
  }
  const { shop, shops, shopQuery } = choice;
  const status = STATUSES.find((s) => s === one(raw.status));
  const query = one(raw.q)?.slice(0, 100);
  const pageNumber = Math.min(10_000, Math.max(1, Number.parseInt(one(raw.page) ?? "1", 10) || 1));

  const api = await serverCaller("seller");
  const page = await api.listings.list({ sellerId: shop.id, status, query, page: pageNumber, pageSize: 20 });

  const href = (extra: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ shop: shops.length > 1 ? shop.slug : undefined, status, q: query, ...extra })) if (value) params.set(key, value);
    const text = params.toString();
    return text ? `/products?${text}` : "/products";
  };
  const filtered = Boolean(status || query);
  const newHref = `/products/new${shopQuery}`;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-bold">Products</h1>
          <p className="text-sm text-muted">Product cards of {shop.name}: sizes, colours, prices and stock. Drafts and unpublished cards are not shown to shoppers.</p>
        </div>
        <Link href={newHref} className="inline-flex min-h-11 items-center rounded-xl bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700">
          Add product
        </Link>
      </div>

      {shops.length > 1 ? (
        <nav aria-label="Shop" className="flex flex-wrap gap-2">
          {shops.map((s) => <FilterLink key={s.id} href={`/products?shop=${encodeURIComponent(s.slug)}`} current={s.id === shop.id} label={s.name} />)}
        </nav>
      ) : null}

      <nav aria-label="Status" className="flex flex-wrap gap-2">
        <FilterLink href={href({ status: "" })} current={!status} label="All" />
        {STATUSES.map((s) => <FilterLink key={s} href={href({ status: s })} current={status === s} label={LISTING_STATUS_LABEL[s]} />)}
      </nav>

      <form role="search" action="/products" className="flex flex-wrap items-end gap-2">
        {shops.length > 1 ? <input type="hidden" name="shop" value={shop.slug} /> : null}
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <div className="flex flex-col gap-1">
          <label htmlFor="product-search" className="text-sm font-medium">Search products</label>
          <input id="product-search" name="q" type="search" defaultValue={query ?? ""} maxLength={100} placeholder="Title, brand or SKU" className="min-h-11 w-72 max-w-full rounded-xl border border-gray-300 px-3 text-base" />
        </div>
        <button type="submit" className="min-h-11 rounded-xl border border-gray-300 bg-white px-4 text-sm font-semibold hover:bg-gray-50">Search</button>
      </form>

      {page.items.length === 0 ? (
        <section className="flex flex-col items-start gap-3 rounded-2xl bg-white p-6 shadow-sm">
          {filtered || pageNumber > 1 ? (
            <>
              <h2 className="text-lg font-semibold">No products match</h2>
              <p className="text-muted">Try another status or search. <Link href={href({ status: "", q: "", page: "" })} className="font-medium text-brand-600 underline">Show all products</Link></p>
            </>
          ) : (
            <>
              <h2 className="text-lg font-semibold">No products yet</h2>
              <p className="text-muted">Create a product card with photos, sizes and prices. It stays a draft until you publish it.</p>
              <Link href={newHref} className="inline-flex min-h-11 items-center rounded-xl bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700">Add your first product</Link>
            </>
          )}
        </section>
      ) : (
        <section aria-labelledby="products-list-title" className="flex flex-col gap-3">
          <h2 id="products-list-title" className="sr-only">Product list</h2>
          <div className="overflow-x-auto rounded-2xl bg-white shadow-sm">
            <table className="w-full min-w-[44rem] text-left text-sm">
              <caption className="sr-only">Products of {shop.name}, recently changed first</caption>
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="px-4 py-2"><span className="sr-only">Image</span></th>
                  <th scope="col" className="px-4 py-2">Product</th>
                  <th scope="col" className="px-4 py-2">Status</th>
                  <th scope="col" className="px-4 py-2 text-right">Price from</th>
                  <th scope="col" className="px-4 py-2 text-right">SKUs</th>
                  <th scope="col" className="px-4 py-2 text-right">Available</th>
                  <th scope="col" className="px-4 py-2">Changed</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((item) => (
                  <tr key={item.id} className="border-t border-gray-100 align-middle">
                    <td className="px-4 py-2">
                      {item.image ? (
                        // eslint-disable-next-line @next/next/no-img-element -- seller uploads are already resized WebP
                        <img src={item.image.url} alt="" width={48} height={48} className="size-12 rounded-lg object-cover" />
                      ) : (
                        <span aria-hidden className="block size-12 rounded-lg bg-gray-100" />
                      )}
                    </td>
                    <th scope="row" className="px-4 py-2 font-medium">
                      <Link href={`/products/${item.id}${shopQuery}`} className="text-brand-600 underline-offset-2 hover:underline">{item.title}</Link>
                      <span className="block text-xs font-normal text-muted">{[item.brand, item.categoryName].filter(Boolean).join(" · ")}</span>
                    </th>
                    <td className="px-4 py-2"><ListingStatusBadge status={item.status} /></td>
                    <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{item.minPriceMinor === null ? "–" : formatMoney(item.minPriceMinor, item.currency)}</td>
                    <td className="px-4 py-2 text-right tabular-nums">{item.variantCount}</td>
                    <td className={`px-4 py-2 text-right tabular-nums ${item.available === 0 ? "text-sale" : ""}`}>{item.available}</td>
                    <td className="whitespace-nowrap px-4 py-2"><time dateTime={item.updatedAt.toISOString()}>{dateTime(item.updatedAt)}</time></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Pages" className="flex flex-wrap items-center gap-3 text-sm">
            {page.page > 1 ? <Link href={href({ page: String(page.page - 1) })} className="rounded-lg bg-white px-4 py-2 font-medium shadow-sm hover:bg-gray-100">Previous page</Link> : null}
            <span className="text-muted">Page {page.page} of {page.pageCount} · {page.total} {page.total === 1 ? "product" : "products"}</span>
            {page.page < page.pageCount ? <Link href={href({ page: String(page.page + 1) })} className="rounded-lg bg-white px-4 py-2 font-medium shadow-sm hover:bg-gray-100">Next page</Link> : null}
          </nav>
        </section>
      )}
    </div>
  );
}
