// Filters of the orders list as a plain GET form: the filters live in the URL, so a filtered list
// can be bookmarked and shared, and the form works before any JavaScript has loaded.
import Link from "next/link";
import { DELIVERY_STATUSES, deliveryStatusLabel, SELLER_STATUSES, sellerStatusLabel } from "./status-labels";

export type SalesFilterValues = { shop?: string; sellerStatus?: string; status?: string; from?: string; to?: string };

const field = "flex flex-col gap-1 text-sm font-medium";
const control = "rounded-lg border border-gray-300 bg-white px-3 py-2 font-normal";

export function SalesFilters({ values, shops, error }: { values: SalesFilterValues; shops: { slug: string; name: string }[]; error?: { field: string | null; message: string } | null }) {
  const fieldError = (name: string) => (error?.field === name ? "sales-filter-error" : undefined);
  return (
    <form method="get" action="/sales" aria-label="Filter orders" className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {shops.length > 1 ? (
          <label className={field}>
            Shop
            <select name="shop" defaultValue={values.shop ?? ""} className={control}>
              <option value="">All shops</option>
              {shops.map((s) => (
                <option key={s.slug} value={s.slug}>{s.name}</option>
              ))}
            </select>
          </label>
        ) : null}
        <label className={field}>
          Seller status
          <select name="sellerStatus" defaultValue={values.sellerStatus ?? ""} aria-describedby={fieldError("sellerStatus")} className={control}>
            <option value="">Any</option>
            {SELLER_STATUSES.map((s) => (
              <option key={s} value={s}>{sellerStatusLabel(s)}</option>
            ))}
          </select>
        </label>
        <label className={field}>
          Delivery status
          <select name="status" defaultValue={values.status ?? ""} aria-describedby={fieldError("status")} className={control}>
            <option value="">Any</option>
            {DELIVERY_STATUSES.map((s) => (
              <option key={s} value={s}>{deliveryStatusLabel(s)}</option>
            ))}
          </select>
        </label>
        <label className={field}>
          From
          <input type="date" name="from" defaultValue={values.from ?? ""} aria-invalid={error?.field === "from" || undefined} aria-describedby={fieldError("from")} className={control} />
        </label>
        <label className={field}>
          To
          <input type="date" name="to" defaultValue={values.to ?? ""} aria-invalid={error?.field === "to" || undefined} aria-describedby={fieldError("to")} className={control} />
        </label>
      </div>
      {error ? (
        <p id="sales-filter-error" role="alert" className="text-sm font-medium text-red-700">{error.message}</p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-lg bg-ink px-4 py-2 text-sm font-semibold text-white hover:bg-ink/90">Apply filters</button>
        <Link href="/sales" className="text-sm font-medium text-brand-600 underline">Clear filters</Link>
      </div>
    </form>
  );
}
