// Import & export: CSV files of stock and prices or of product cards (preview with a report per
// row, then a background import with a progress bar), past imports, and the catalogue as CSV.
// A seller with several shops picks the shop with ?shop=<slug>; ?job=<id> shows one import.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@market/auth";
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS, PRODUCT_COLUMNS, PRODUCT_TEMPLATE, STOCK_PRICE_COLUMNS, STOCK_PRICE_TEMPLATE } from "@market/domain/seller-imports";
import { serverCaller } from "@market/web/trpc-server";
import { FilterLink } from "../../components/filter-link";
import { ImportWorkspace } from "../../components/imports/import-workspace";
import { PastImports } from "../../components/imports/past-imports";
import { NotASeller } from "../../components/not-a-seller";

export const metadata: Metadata = { title: "Import & export" };

export default async function ImportsPage({ searchParams }: { searchParams: Promise<{ shop?: string; job?: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/imports");
  if (user.role !== "SELLER") return <NotASeller email={user.email} />;

  const api = await serverCaller("seller");
  const shops = await api.sellers.myShops();
  if (shops.length === 0) {
    return (
      <section className="rounded-2xl bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold">Import &amp; export</h1>
        <p className="text-muted">You are not a member of any shop yet. Create a shop first; its catalogue can then be imported and exported here.</p>
      </section>
    );
  }
  const params = await searchParams;
  const shop = shops.find((s) => s.slug === params.shop) ?? shops[0]!;
  const [jobs, categories] = await Promise.all([api.sellerImports.list({ sellerId: shop.id }), api.sellerImports.categories()]);
  const shopQuery = `shop=${encodeURIComponent(shop.slug)}`;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">Import &amp; export</h1>
        <p className="text-sm text-muted">
          Update stock and prices or create and edit product cards for {shop.name} from a CSV file, and download your catalogue as CSV. Files up to{" "}
          {MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB and {MAX_IMPORT_ROWS.toLocaleString("en-GB")} rows, UTF-8, separated by commas or semicolons.
        </p>
      </div>

      {shops.length > 1 ? (
        <nav aria-label="Shop" className="flex flex-wrap gap-2">
          {shops.map((s) => (
            <FilterLink key={s.id} href={`/imports?shop=${encodeURIComponent(s.slug)}`} current={s.id === shop.id} label={s.name} />
          ))}
        </nav>
      ) : null}

      <section aria-labelledby="export-title" className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm sm:p-6">
        <h2 id="export-title" className="text-lg font-semibold">Export</h2>
        <p className="text-sm text-muted">
          Your catalogue (everything except archived products) in the product file format: edit it in a spreadsheet and import it back to update the cards.
        </p>
        <div>
          <a
            href={`/api/exports/catalog.csv?sellerId=${shop.id}`}
            download
            className="inline-flex min-h-11 items-center justify-center rounded-xl border border-gray-300 bg-white px-4 text-sm font-semibold hover:bg-gray-50"
          >
            Download catalogue (CSV)
          </a>
        </div>
      </section>

      <ImportWorkspace
        key={`${shop.id}-${params.job ?? ""}`}
        sellerId={shop.id}
        shopQuery={shopQuery}
        openJobId={params.job ?? null}
        maxBytes={MAX_IMPORT_FILE_BYTES}
        kinds={{
          STOCK_PRICES: { columns: STOCK_PRICE_COLUMNS.map((c) => ({ ...c })), template: STOCK_PRICE_TEMPLATE },
          PRODUCTS: { columns: PRODUCT_COLUMNS.map((c) => ({ ...c })), template: PRODUCT_TEMPLATE },
        }}
        categories={categories}
      />

      <PastImports sellerId={shop.id} shopQuery={shopQuery} initial={jobs} />
    </div>
  );
}
