// The dashboard's panels below the chart: orders by status, best sellers and low stock. Server
// components: plain lists and tables, each with its own empty state.
import Link from "next/link";
import type { SellerDashboard } from "@market/domain/seller-dashboard";
import { DELIVERY_STATUSES, deliveryStatusLabel, SELLER_STATUSES, sellerStatusLabel } from "../sales/status-labels";

const card = "flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm sm:p-6";

export function StatusPanel({ statuses, shopQuery }: { statuses: SellerDashboard["statuses"]; shopQuery: string }) {
  const delivery = DELIVERY_STATUSES.filter((s) => (statuses.deliveryStatus[s] ?? 0) > 0);
  const total = SELLER_STATUSES.reduce((sum, s) => sum + statuses.sellerStatus[s], 0);
  return (
    <section aria-labelledby="statuses-title" className={card}>
      <h2 id="statuses-title" className="text-lg font-semibold">Orders by status</h2>
      {total === 0 ? (
        <p className="text-sm text-muted">No paid orders yet. They will be counted here by status.</p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <h3 className="mb-1 text-sm font-semibold text-muted">Your status</h3>
            <ul aria-label="Orders by your status" className="flex flex-col gap-1 text-sm">
              {SELLER_STATUSES.map((s) => (
                <li key={s} className="flex justify-between gap-2">
                  <Link href={`/sales?sellerStatus=${s}${shopQuery}`} className="underline-offset-2 hover:underline">{sellerStatusLabel(s)}</Link>
                  <span className="tabular-nums">{statuses.sellerStatus[s]}</span>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="mb-1 text-sm font-semibold text-muted">Delivery status</h3>
            <ul aria-label="Orders by delivery status" className="flex flex-col gap-1 text-sm">
              {delivery.map((s) => (
                <li key={s} className="flex justify-between gap-2">
                  <Link href={`/sales?status=${s}${shopQuery}`} className="underline-offset-2 hover:underline">{deliveryStatusLabel(s)}</Link>
                  <span className="tabular-nums">{statuses.deliveryStatus[s]}</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </section>
  );
}

export function TopProductsPanel({ products, days }: { products: SellerDashboard["topProducts"]; days: number }) {
  return (
    <section aria-labelledby="top-products-title" className={card}>
      <h2 id="top-products-title" className="text-lg font-semibold">Top products <span className="font-normal text-muted">· last {days} days</span></h2>
      {products.length === 0 ? (
        <p className="text-sm text-muted">Nothing sold in the last {days} days.</p>
      ) : (
        <ol aria-label="Top products by units sold" className="flex flex-col gap-1 text-sm">
          {products.map((p, i) => (
            <li key={p.productId} className="flex justify-between gap-2">
              <span><span className="text-muted">{i + 1}.</span> {p.title}</span>
              <span className="whitespace-nowrap tabular-nums">{p.units} {p.units === 1 ? "unit" : "units"}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function LowStockPanel({ lowStock }: { lowStock: SellerDashboard["lowStock"] }) {
  return (
    <section aria-labelledby="low-stock-title" className={card}>
      <h2 id="low-stock-title" className="text-lg font-semibold">
        Low stock{" "}
        {lowStock.count > 0 ? (
          <span className="rounded-full bg-red-100 px-2 py-0.5 text-sm font-semibold text-red-900">
            {lowStock.count} {lowStock.count === 1 ? "variant" : "variants"}
          </span>
        ) : null}
      </h2>
      {lowStock.count === 0 ? (
        <p className="text-sm text-muted">Every listed variant has more than {lowStock.threshold} units available.</p>
      ) : (
        <>
          <p className="text-sm text-muted">Variants with {lowStock.threshold} or fewer units available (on hand minus reserved, in your and marketplace warehouses).</p>
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Low-stock variants</caption>
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-1 pr-4">SKU</th>
                  <th scope="col" className="py-1 pr-4">Item</th>
                  <th scope="col" className="py-1 text-right">Available</th>
                </tr>
              </thead>
              <tbody>
                {lowStock.items.map((v) => (
                  <tr key={v.variantId} className="border-t border-gray-100">
                    <td className="py-1 pr-4 font-mono">{v.sku}</td>
                    <td className="py-1 pr-4">
                      {v.title}
                      {v.size || v.color ? <span className="text-muted"> · {[v.size, v.color].filter(Boolean).join(", ")}</span> : null}
                    </td>
                    <td className={`py-1 text-right tabular-nums ${v.available <= 0 ? "font-semibold text-red-700" : ""}`}>{v.available}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {lowStock.count > lowStock.items.length ? <p className="text-sm text-muted">Showing the {lowStock.items.length} lowest of {lowStock.count}.</p> : null}
        </>
      )}
    </section>
  );
}
