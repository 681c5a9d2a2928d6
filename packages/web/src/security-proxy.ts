// Next.js proxy (formerly middleware) shared by both apps: a fresh CSP nonce for every page, and
// a request id that follows the request into logs and jobs.
//
// It runs for pages only (see securityProxyMatcher): the nonce matters only in HTML, and every
// request through a proxy costs about a millisecond of CPU on these machines, a quarter of a
// small tRPC call. The production server (./server.ts) gives every response, API routes
// included, the static security headers and the request id.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, staticSecurityHeaders } from "./content-security-policy.ts";
import { requestIdFrom } from "./request-id.ts";

export function securityProxy(request: NextRequest): NextResponse {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  // Stripe's hosts are allowed only when Stripe is on (the pay page loads its Payment Element).
  const stripe = Boolean(process.env.STRIPE_SECRET_KEY?.trim());
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development", https, stripe });
  const requestId = requestIdFrom(request.headers.get("x-request-id"));

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-request-id", requestId);
  // Next reads the nonce for its own scripts from the request's CSP header.
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("x-request-id", requestId);
  // Also set by the production server; here for `next dev`, which does not run it.
  for (const [name, value] of Object.entries(staticSecurityHeaders)) response.headers.set(name, value);
  return response;
}

/**
 * Pages only: not API routes (JSON, no scripts to allow), static assets, or the router's prefetch
 * requests (RSC payloads, never documents). Each app's proxy.ts repeats it literally, as Next
 * requires.
 */
export const securityProxyMatcher = [
  {
    source: "/((?!api/|_next/static|_next/image|favicon.ico|icons/).*)",
    missing: [
      { type: "header", key: "next-router-prefetch" },
      { type: "header", key: "purpose", value: "prefetch" },
    ],
  },
];
