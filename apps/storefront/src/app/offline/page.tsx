import type { Metadata } from "next";
import { getTranslator } from "@market/web/i18n/server";

export const metadata: Metadata = { title: "Offline" };

// Cached by the service worker and shown when a page cannot be loaded without a network.
export default async function OfflinePage() {
  const t = await getTranslator();
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center">
      <h1 className="text-2xl font-bold">{t("offline.title")}</h1>
      <p className="text-muted">{t("offline.body")}</p>
      <a href="/" className="rounded-xl bg-brand-600 px-4 py-3 font-semibold text-white">{t("offline.retry")}</a>
    </div>
  );
}
