// Onboarding: a seller account creates a shop (another one, if it already has some) and lands on
// its dashboard, which shows the next steps.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@market/auth";
import { NotASeller } from "../../components/not-a-seller";
import { CreateShopForm } from "../../components/onboarding/create-shop-form";

export const metadata: Metadata = { title: "Create your shop" };

export default async function OnboardingPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/onboarding");
  if (user.role !== "SELLER") return <NotASeller email={user.email} />;

  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">Create your shop</h1>
        <p className="text-sm text-muted">
          Tell us who you are. Your shop starts in onboarding: you can prepare it straight away, and the marketplace
          checks your legal details before it goes live.
        </p>
      </div>
      <CreateShopForm />
    </div>
  );
}
