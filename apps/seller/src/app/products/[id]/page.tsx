// Editing one product card of the chosen shop; another shop's product is a 404 like a missing one.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { getSessionUser } from "@market/auth";
import { serverEnv } from "@market/config/env";
import { serverCaller } from "@market/web/trpc-server";
import { ListingForm } from "../../../components/listings/listing-form";
import { chooseShop } from "../../../components/listings/shop-context";
import { NotASeller } from "../../../components/not-a-seller";

export const metadata: Metadata = { title: "Edit product" };

const NOTICES: Record<string, string> = {
  draft: "Draft saved. Publish it when it is ready.",
  published: "Published. Shoppers can find it in the storefront within a minute.",
  "draft-not-published": "Draft saved, but it cannot be published yet: see what is missing below.",
};

export default async function EditProductPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ shop?: string; saved?: string }> }) {
  const { id } = await params;
  const query = await searchParams;
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/products/${id}`)}`);
  if (user.role !== "SELLER") return <NotASeller email={user.email} />;
  const choice = await chooseShop(query.shop);
  if (!choice) notFound();

  const api = await serverCaller("seller");
  const listing = await api.listings.get({ sellerId: choice.shop.id, productId: id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  });
  if (!listing) notFound();
  const [categories, warehouses] = await Promise.all([api.listings.categories(), api.listings.warehouses({ sellerId: choice.shop.id })]);
  const storefront = serverEnv().STOREFRONT_URL.replace(/\/$/, "");

  return (
    <div className="flex flex-col gap-4">
      <Link href={`/products${choice.shopQuery}`} className="text-sm font-medium text-brand-600 underline">← Products</Link>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{listing.title}</h1>
        {listing.status === "ACTIVE" ? (
          <a href={`${storefront}/products/${encodeURIComponent(listing.slug)}`} target="_blank" rel="noreferrer" className="text-sm font-medium text-brand-600 underline">View in the storefront</a>
        ) : null}
      </div>
      {/* After a save the form keeps what the seller typed (it is what was saved); status, reserved
          units and publishing problems come fresh from the server with each refresh. */}
      <ListingForm
        key={listing.id}
        sellerId={choice.shop.id}
        shopQuery={choice.shopQuery}
        categories={categories}
        warehouses={warehouses}
        listing={listing}
        notice={query.saved ? (NOTICES[query.saved] ?? null) : null}
      />
    </div>
  );
}
