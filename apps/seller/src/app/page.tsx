import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@market/auth";
import { serverCaller } from "@market/web/trpc-server";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
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
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Dashboard</h1>
      {shops.length === 0 ? (
        <section className="rounded-2xl bg-white p-6 shadow-sm">
          <h2 className="text-lg font-semibold">Welcome! Your shop is not set up yet</h2>
          <p className="text-muted">Next steps: create your shop, add your first product, set stock and prices.</p>
        </section>
      ) : (
        <ul aria-label="Your shops" className="grid gap-4 sm:grid-cols-2">
          {shops.map((shop) => (
            <li key={shop.id} className="rounded-2xl bg-white p-6 shadow-sm">
              <h2 className="text-lg font-semibold">{shop.name}</h2>
              <p className="text-sm text-muted">
                {shop._count.products.toLocaleString("en")} products · {shop.status.toLowerCase()}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
