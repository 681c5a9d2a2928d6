// All of the seller's orders, from every warehouse, newest first. Filters and the page cursor
// live in the URL. Own-warehouse orders are shipped from "Orders to ship"; this list is the
// overview.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getSessionUser } from "@market/auth";
import { formatMoney } from "@market/ui";
import { serverCaller } from "@market/web/trpc-server";
import { dateTime } from "../../components/filter-link";
import { NotASeller } from "../../components/not-a-seller";
import { SalesFilters, type SalesFilterValues } from "../../components/sales/sales-filters";
import { deliveryStatusLabel, SellerStatusBadge } from "../../components/sales/status-labels";

export const metadata: Metadata = { title: "Orders" };

type Params = SalesFilterValues & { cursor?: string };
const one = (value: string | string[] | undefined) => (typeof value === "string" && value.trim() ? value.trim() : undefined);

export default async function SalesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/sales");
  if (user.role !== "SELLER") return <NotASeller email={user.email} />;

  const raw = await searchParams;
  const params: Params = { shop: one(raw.shop), sellerStatus: one(raw.sellerStatus), status: one(raw.status), from: one(raw.from), to: one(raw.to), cursor: one(raw.cursor) };
  const api = await serverCaller("seller");
  const shops = await api.sellers.myShops();
  if (shops.length === 0) {
    return (
      <section className="rounded-2xl bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold">Orders</h1>
        <p className="text-muted">You are not a member of any shop yet. Create a shop first; its orders appear here.</p>
      </section>
    );
  }
  const shop = params.shop ? shops.find((s) => s.slug === params.shop) : undefined;

  let page: Awaited<ReturnType<typeof api.sellerOrders.list>> | null = null;
  let error: { field: string | null; message: string } | null = null;
  try {
    page = await api.sellerOrders.list({
      sellerId: shop?.id,
      sellerStatus: params.sellerStatus as never,
      status: params.status as never,
      from: params.from,
      to: params.to,
      cursor: params.cursor,
      limit: 25,
    });
  } catch (cause) {
    // Bad filters in a hand-edited URL are the seller's to fix, so they are shown by the form.
    if (!(cause instanceof TRPCError) || cause.code !== "BAD_REQUEST") throw cause;
    const fields = (cause.cause as { issues?: { path: PropertyKey[] }[] } | undefined)?.issues;
    error = { field: fields?.[0]?.path.map(String).join(".") ?? null, message: cause.message };
  }

  const filterQuery = (extra: Record<string, string | undefined> = {}) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries({ shop: params.shop, sellerStatus: params.sellerStatus, status: params.status, from: params.from, to: params.to, ...extra })) {
      if (value) query.set(key, value);
    }
    const text = query.toString();
    return text ? `/sales?${text}` : "/sales";
  };
  const filtered = Boolean(params.sellerStatus || params.status || params.from || params.to || shop);
  const showShop = shops.length > 1;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">Orders</h1>
        <p className="text-sm text-muted">
          Paid orders of your {shops.length > 1 ? "shops" : "shop"} from every warehouse. Orders in your own warehouse are packed and shipped from{" "}
          <Link href="/orders" className="font-medium text-brand-600 underline">Orders to ship</Link>.
        </p>
      </div>

      <SalesFilters values={params} shops={shops} error={error} />

      {page === null ? null : page.items.length === 0 ? (
        <section className="rounded-2xl bg-white p-6 shadow-sm">
          <h2 className="text-lg font-semibold">{params.cursor ? "No older orders" : filtered ? "No orders match these filters" : "No orders yet"}</h2>
          <p className="text-muted">
            {filtered ? "Try another status or a wider date range." : "When shoppers pay for your goods, their orders appear here."}
          </p>
        </section>
      ) : (
        <section aria-labelledby="orders-list-title" className="flex flex-col gap-3">
          <h2 id="orders-list-title" className="sr-only">Order list</h2>
          <div className="relative overflow-x-auto rounded-2xl bg-white shadow-sm">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Your orders, newest first</caption>
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="px-4 py-2">Order</th>
                  <th scope="col" className="px-4 py-2">Date</th>
                  <th scope="col" className="px-4 py-2 text-right">Items</th>
                  <th scope="col" className="px-4 py-2 text-right">Subtotal</th>
                  <th scope="col" className="px-4 py-2">Status</th>
                  <th scope="col" className="px-4 py-2">Delivery</th>
                  <th scope="col" className="px-4 py-2">Warehouse</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((part) => (
                  <tr key={part.id} className="border-t border-gray-100 align-top">
                    <th scope="row" className="px-4 py-2 font-medium">
                      <Link href={`/sales/${part.id}`} aria-label={`Order ${part.order.number}`} className="text-brand-600 underline-offset-2 hover:underline">
                        {part.order.number}
                      </Link>
                      {showShop ? <span className="block text-xs font-normal text-muted">{part.shop.name}</span> : null}
                    </th>
                    <td className="whitespace-nowrap px-4 py-2"><time dateTime={part.createdAt.toISOString()}>{dateTime(part.createdAt)}</time></td>
                    <td className="px-4 py-2 text-right tabular-nums">{part.units}</td>
                    <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{formatMoney(part.subtotalMinor, part.currency)}</td>
                    <td className="px-4 py-2"><SellerStatusBadge status={part.sellerStatus} /></td>
                    <td className="px-4 py-2">{deliveryStatusLabel(part.status)}</td>
                    <td className="px-4 py-2">
                      {part.warehouse ? part.warehouse.name : "–"}
                      {part.ownWarehouse ? <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-700">Own warehouse</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Pages" className="flex flex-wrap gap-3">
            {params.cursor ? <Link href={filterQuery()} className="rounded-lg bg-white px-4 py-2 text-sm font-medium shadow-sm hover:bg-gray-100">Newest orders</Link> : null}
            {page.nextCursor ? (
              <Link href={filterQuery({ cursor: page.nextCursor })} className="rounded-lg bg-white px-4 py-2 text-sm font-medium shadow-sm hover:bg-gray-100">Older orders</Link>
            ) : null}
          </nav>
        </section>
      )}
    </div>
  );
}
