"use client";
// What the shopper is told while the cart lives on the device: that the server is away and
// the changes are kept, that checkout waits for them, and which items a replay could not add.
import { Alert } from "@market/ui";
import { useT } from "@market/web/i18n/client";
import { dismissNotAdded } from "./device-cart";
import { useCartSync, useDeviceCart } from "./use-device-cart";

/** "We can't reach our servers…" while changes are kept on the device; nothing otherwise. */
export function CartOfflineNotice() {
  const t = useT();
  const { hydrated, reachable } = useDeviceCart();
  if (!hydrated || reachable) return null;
  return <Alert tone="warning">{t("cart.offline")}</Alert>;
}

/**
 * Says checkout is paused, and why, while the server is away or the cart shown has changes the
 * server has not saved yet (see useCartSync); renders nothing otherwise. For the cart and
 * checkout pages: place it where the "Place order" / "Go to checkout" button would be.
 */
export function CheckoutPausedNotice() {
  const t = useT();
  const sync = useCartSync();
  if (!sync.checkoutPaused) return null;
  return (
    <Alert tone="warning" title={t("cart.checkoutPausedTitle")}>
      {sync.reachable ? t("cart.checkoutPausedSaving") : t("cart.checkoutPaused")}
    </Alert>
  );
}

/** The offline notice, and items a replay could not add (no longer sold). */
export function CartNotices() {
  const t = useT();
  const { notAdded } = useDeviceCart();
  return (
    <>
      <CartOfflineNotice />
      {notAdded.length > 0 ? (
        <div role="alert" className="flex flex-wrap items-center justify-between gap-2 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p>{t("cart.notAdded", { items: notAdded.map((title) => title || t("cart.deviceItem")).join(", ") })}</p>
          <button type="button" onClick={dismissNotAdded} className="font-semibold underline">
            {t("cart.dismiss")}
          </button>
        </div>
      ) : null}
    </>
  );
}
