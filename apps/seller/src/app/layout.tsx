import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getSessionUser } from "@market/auth";
import { TRPCReactProvider } from "@market/web/trpc-client";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Seller portal", template: "%s · Seller portal" },
  description: "Run your shop on the marketplace: listings, stock, prices and orders.",
};

export const viewport: Viewport = { themeColor: "#1f1a24", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <html lang="en">
      <body className="min-h-dvh bg-gray-50">
        <TRPCReactProvider>
          <header className="bg-ink text-white">
            <div className="mx-auto flex max-w-7xl items-center gap-4 px-4 py-3">
              <Link href="/" className="text-lg font-bold">
                Marketplace <span className="font-normal text-white/70">Seller portal</span>
              </Link>
              <nav aria-label="Account" className="ml-auto flex flex-wrap items-center justify-end gap-x-3 gap-y-1 text-sm">
                {/* Public: the API's documentation helps before signing up, too. */}
                <Link href="/api-docs" className="rounded-lg px-2 py-1 hover:bg-white/15">
                  API reference
                </Link>
                {user ? (
                  <>
                    {user.role === "SELLER" ? (
                      <>
                        <Link href="/products" className="rounded-lg px-2 py-1 hover:bg-white/15">
                          Products
                        </Link>
                        <Link href="/sales" className="rounded-lg px-2 py-1 hover:bg-white/15">
                          Orders
                        </Link>
                        <Link href="/orders" className="rounded-lg px-2 py-1 hover:bg-white/15">
                          Orders to ship
                        </Link>
                        <Link href="/returns" className="rounded-lg px-2 py-1 hover:bg-white/15">
                          Returns
                        </Link>
                        <Link href="/imports" className="rounded-lg px-2 py-1 hover:bg-white/15">
                          Import &amp; export
                        </Link>
                        <Link href="/api-keys" className="rounded-lg px-2 py-1 hover:bg-white/15">
                          API keys
                        </Link>
                        <Link href="/settings" className="rounded-lg px-2 py-1 hover:bg-white/15">
                          Shop settings
                        </Link>
                      </>
                    ) : null}
                    {user.role === "ADMIN" ? (
                      <Link href="/admin/jobs" className="rounded-lg px-2 py-1 hover:bg-white/15">
                        Jobs
                      </Link>
                    ) : null}
                    <span>{user.name}</span>
                    <Link href="/sign-out" className="rounded-lg px-2 py-1 hover:bg-white/15">
                      Sign out
                    </Link>
                  </>
                ) : (
                  <Link href="/sign-in" className="rounded-lg px-2 py-1 hover:bg-white/15">
                    Sign in
                  </Link>
                )}
              </nav>
            </div>
          </header>
          <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
