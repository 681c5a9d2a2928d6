// Shop settings: the owner edits the shop's public name, description, contacts, legal details
// and logo. The web address and the status are the marketplace's and are only shown here.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@market/auth";
import { serverEnv } from "@market/config/env";
import { serverCaller } from "@market/web/trpc-server";
import { FilterLink } from "../../components/filter-link";
import { NotASeller } from "../../components/not-a-seller";
import { ShopSettingsForm } from "./shop-settings-form";

export const metadata: Metadata = { title: "Shop settings" };

const STATUS_TEXT: Record<string, string> = {
  ONBOARDING: "In onboarding: the marketplace is checking your legal details. Your shop page goes live once it is approved.",
  ACTIVE: "Active: shoppers can see your shop and buy your products.",
  SUSPENDED: "Suspended: your products are hidden from shoppers. Contact marketplace support.",
};

export default async function ShopSettingsPage({ searchParams }: { searchParams: Promise<{ shop?: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/settings");
  if (user.role !== "SELLER") return <NotASeller email={user.email} />;

  const api = await serverCaller("seller");
  const shops = await api.sellers.myShops();
  if (shops.length === 0) redirect("/onboarding");
  const requested = (await searchParams).shop;
  const shop = shops.find((s) => s.slug === requested) ?? shops[0]!;
  const settings = await api.sellers.shopSettings({ sellerId: shop.id });
  const shopPage = `${serverEnv().STOREFRONT_URL}/sellers/${encodeURIComponent(settings.slug)}`;

  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">Shop settings</h1>
        <p className="text-sm text-muted">What shoppers see of {settings.name}, and the details the marketplace uses to reach and pay you.</p>
      </div>

      {shops.length > 1 ? (
        <nav aria-label="Shop" className="flex flex-wrap gap-2">
          {shops.map((s) => (
            <FilterLink key={s.id} href={`/settings?shop=${encodeURIComponent(s.slug)}`} current={s.id === shop.id} label={s.name} />
          ))}
        </nav>
      ) : null}

      <section aria-labelledby="shop-address" className="flex flex-col gap-2 rounded-2xl bg-white p-4 text-sm shadow-sm sm:p-6">
        <h2 id="shop-address" className="text-lg font-semibold">Address and status</h2>
        <dl className="grid gap-2 sm:grid-cols-[10rem_1fr]">
          <dt className="text-muted">Shop page</dt>
          <dd className="break-all">
            {settings.status === "ACTIVE" ? <a href={shopPage} className="font-medium text-brand-600 underline">{shopPage}</a> : <span className="font-mono">{shopPage}</span>}
          </dd>
          <dt className="text-muted">Status</dt>
          <dd>{STATUS_TEXT[settings.status] ?? settings.status}</dd>
        </dl>
        <p className="text-xs text-muted">The address and status are managed by the marketplace. Contact support to change them.</p>
      </section>

      <ShopSettingsForm key={settings.id} initial={settings} />
    </div>
  );
}
