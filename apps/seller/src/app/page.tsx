// The seller's dashboard for one shop (?shop=<slug> when the seller has several): sales over the
// last 30 days, orders by status, best sellers and low stock.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@market/auth";
import { formatMoney } from "@market/ui";
import { serverCaller } from "@market/web/trpc-server";
import { LowStockPanel, StatusPanel, TopProductsPanel } from "../components/dashboard/dashboard-panels";
import { NextSteps } from "../components/dashboard/next-steps";
import { SalesChart } from "../components/dashboard/sales-chart";
import { FilterLink } from "../components/filter-link";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ shop?: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/");
  if (user.role !== "SELLER") {
    return (
      <div role="alert" className="mx-auto flex max-w-md flex-col gap-3 py-16 text-center">
        <h1 className="text-2xl font-bold">This portal is for sellers</h1>
        <p className="text-muted">
          You are signed in as {user.email}, which is not a seller account. Create a seller account to sell on the
          marketplace.
        </p>
        <Link href="/sign-up" className="font-medium text-brand-600 underline">Create a seller account</Link>
      </div>
    );
  }
  const api = await serverCaller("seller");
  const shops = await api.sellers.myShops();
  if (shops.length === 0) {
    return (
      <div className="flex flex-col gap-6">
        <h1 className="text-2xl font-bold">Dashboard</h1>
        <section className="rounded-2xl bg-white p-6 shadow-sm">
          <h2 className="text-lg font-semibold">Welcome! Your shop is not set up yet</h2>
          <p className="text-muted">Next steps: create your shop, add your first product, set stock and prices.</p>
          <Link href="/onboarding" className="mt-3 inline-flex min-h-11 items-center rounded-xl bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700">
            Create your shop
          </Link>
        </section>
      </div>
    );
  }
  const requested = (await searchParams).shop;
  const shop = shops.find((s) => s.slug === requested) ?? shops[0]!;
  const dashboard = await api.sellerDashboard.get({ sellerId: shop.id });
  const money = (minor: number) => formatMoney(minor, dashboard.currency);
  // Links to the orders list keep the shop when the seller has several.
  const shopQuery = shops.length > 1 ? `&shop=${encodeURIComponent(shop.slug)}` : "";

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">Dashboard</h1>
        <p className="text-sm text-muted">
          {shop.name} · {shop._count.products.toLocaleString("en")} products · {shop.status.toLowerCase()}
        </p>
      </div>

      {shops.length > 1 ? (
        <nav aria-label="Shop" className="flex flex-wrap gap-2">
          {shops.map((s) => (
            <FilterLink key={s.id} href={`/?shop=${encodeURIComponent(s.slug)}`} current={s.id === shop.id} label={s.name} />
          ))}
        </nav>
      ) : null}

      {shop._count.products === 0 ? <NextSteps shopQuery={shopQuery.replace("&", "?")} /> : null}

      <section aria-label={`Last ${dashboard.days} days`} className="grid gap-4 sm:grid-cols-2">
        <div className="rounded-2xl bg-white p-4 shadow-sm sm:p-6">
          <h2 className="text-sm font-semibold text-muted">Revenue, last {dashboard.days} days</h2>
          <p className="text-2xl font-bold tabular-nums">{money(dashboard.totals.revenueMinor)}</p>
        </div>
        <div className="rounded-2xl bg-white p-4 shadow-sm sm:p-6">
          <h2 className="text-sm font-semibold text-muted">Paid orders, last {dashboard.days} days</h2>
          <p className="text-2xl font-bold tabular-nums">{dashboard.totals.orders.toLocaleString("en")}</p>
        </div>
      </section>

      <section className="rounded-2xl bg-white p-4 shadow-sm sm:p-6">
        {dashboard.totals.orders === 0 ? (
          <>
            <h2 className="text-lg font-semibold">Revenue and orders per day</h2>
            <p className="text-sm text-muted">No paid orders in the last {dashboard.days} days. When shoppers buy, sales appear here day by day.</p>
          </>
        ) : (
          <SalesChart days={dashboard.sales} currency={dashboard.currency} title={`Revenue and orders per day, last ${dashboard.days} days`} />
        )}
      </section>

      <div className="grid gap-4 lg:grid-cols-3">
        <StatusPanel statuses={dashboard.statuses} shopQuery={shopQuery} />
        <TopProductsPanel products={dashboard.topProducts} days={dashboard.days} />
        <LowStockPanel lowStock={dashboard.lowStock} />
      </div>

      <p>
        <Link href={`/sales${shopQuery.replace("&", "?")}`} className="font-medium text-brand-600 underline">See all orders</Link>
      </p>
    </div>
  );
}
