import type { NextRequest } from "next/server";
import { securityProxy } from "@market/web/security-proxy";

export function proxy(request: NextRequest) {
  return securityProxy(request);
}

// Pages only (see securityProxyMatcher in @market/web/security-proxy, which Next cannot import
// here): API routes, the Seller REST API included, answer JSON and need no CSP nonce.
export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icons/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
