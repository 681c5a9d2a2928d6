import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { getSessionUser } from "@market/auth";
import { I18nProvider } from "@market/web/i18n/client";
import { LocaleSwitcher } from "@market/web/i18n/locale-switcher";
import { getLocale, getTranslator } from "@market/web/i18n/server";
import { TRPCReactProvider } from "@market/web/trpc-client";
import { SearchBox } from "../components/search-box";
import { ServiceWorker } from "../components/service-worker";
import { NotificationBell } from "../components/header/notification-bell";
import { ShopperLinks } from "../components/header/shopper-links";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Marketplace", template: "%s · Marketplace" },
  description: "Goods from hundreds of sellers, one cart, delivery to a pickup point near you.",
  applicationName: "Marketplace",
  appleWebApp: { capable: true, title: "Marketplace", statusBarStyle: "default" },
  icons: { apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = { themeColor: "#8b1599", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [user, locale, t] = await Promise.all([getSessionUser(), getLocale(), getTranslator()]);
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <I18nProvider locale={locale}>
          <TRPCReactProvider>
            <header className="sticky top-0 z-10 bg-gradient-to-r from-brand-700 to-brand-500 text-white shadow">
              <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3">
                <Link href="/" className="text-xl font-extrabold tracking-tight">
                  Marketplace
                </Link>
                <div className="order-last w-full md:order-none md:w-auto md:flex-1">
                  <Suspense>
                    <SearchBox />
                  </Suspense>
                </div>
                <nav aria-label={t("nav.account")} className="ml-auto flex flex-wrap items-center justify-end gap-x-2 gap-y-1 text-sm">
                  <LocaleSwitcher current={locale} label={t("nav.language")} />
                  {user ? (
                    <>
                      <Link href="/account" className="rounded-lg px-2 py-1 hover:bg-white/15">
                        {user.name}
                      </Link>
                      <Link href="/orders" className="rounded-lg px-2 py-1 hover:bg-white/15">
                        {t("nav.orders")}
                      </Link>
                      <Link href="/sign-out" className="rounded-lg px-2 py-1 hover:bg-white/15">
                        {t("nav.signOut")}
                      </Link>
                      <NotificationBell />
                    </>
                  ) : (
                    <>
                      <Link href="/sign-in" className="rounded-lg px-2 py-1 hover:bg-white/15">
                        {t("nav.signIn")}
                      </Link>
                      <Link href="/sign-up" className="rounded-lg bg-white px-3 py-1 font-semibold text-brand-700">
                        {t("nav.signUp")}
                      </Link>
                    </>
                  )}
                  <ShopperLinks />
                </nav>
              </div>
            </header>
            <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
            <ServiceWorker />
          </TRPCReactProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
