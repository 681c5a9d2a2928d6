// Checkout: delivery, contact details and the order summary. The page only collects choices;
// prices, totals and availability come from the server (checkout.preview), and placing the order
// re-checks all of it under locks.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@market/auth";
import { getTranslator } from "@market/web/i18n/server";
import { serverCaller } from "@market/web/trpc-server";
import { Alert } from "@market/ui";
import { isServiceUnavailable } from "../../components/cart/unavailable";
import { CheckoutForm } from "../../components/checkout/checkout-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator())("checkout.title"), robots: { index: false } };
}

export default async function CheckoutPage() {
  if (!(await getSessionUser())) redirect("/sign-in?callbackUrl=/checkout");
  const [api, t] = await Promise.all([serverCaller("storefront"), getTranslator()]);
  let loaded;
  try {
    const chosenPoint = await api.delivery.chosen();
    const preview = await api.checkout.preview(chosenPoint ? { delivery: { method: "PICKUP", pickupPointId: chosenPoint.id } } : {});
    loaded = { chosenPoint, preview };
  } catch (error) {
    // The database is down: say so plainly rather than show an error page; the cart keeps
    // working on the device meanwhile.
    if (!isServiceUnavailable(error)) throw error;
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">{t("checkout.title")}</h1>
        <Alert tone="warning" title={t("cart.checkoutPausedTitle")}>{t("cart.checkoutPaused")}</Alert>
      </div>
    );
  }
  const { chosenPoint, preview } = loaded;
  if (preview.cart.itemCount === 0) redirect("/cart");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("checkout.title")}</h1>
      <CheckoutForm initialPreview={preview} chosenPoint={chosenPoint} />
    </div>
  );
}
