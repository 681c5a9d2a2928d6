// A new product card. It is saved as a draft (or published at once when complete).
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@market/auth";
import { serverCaller } from "@market/web/trpc-server";
import { ListingForm } from "../../../components/listings/listing-form";
import { chooseShop } from "../../../components/listings/shop-context";
import { NotASeller } from "../../../components/not-a-seller";

export const metadata: Metadata = { title: "New product" };

export default async function NewProductPage({ searchParams }: { searchParams: Promise<{ shop?: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/products/new");
  if (user.role !== "SELLER") return <NotASeller email={user.email} />;
  const choice = await chooseShop((await searchParams).shop);
  if (!choice) redirect("/onboarding");

  const api = await serverCaller("seller");
  const [categories, warehouses] = await Promise.all([api.listings.categories(), api.listings.warehouses({ sellerId: choice.shop.id })]);
  return (
    <div className="flex flex-col gap-4">
      <Link href={`/products${choice.shopQuery}`} className="text-sm font-medium text-brand-600 underline">← Products</Link>
      <h1 className="text-2xl font-bold">New product <span className="text-base font-normal text-muted">· {choice.shop.name}</span></h1>
      <ListingForm sellerId={choice.shop.id} shopQuery={choice.shopQuery} categories={categories} warehouses={warehouses} />
    </div>
  );
}
