// Next.js proxy (formerly middleware) shared by both apps: a fresh CSP nonce per request,
// the security headers, and a request id that follows the request into logs and jobs.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, staticSecurityHeaders } from "./content-security-policy.ts";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

export function securityProxy(request: NextRequest): NextResponse {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development", https });
  const incomingId = request.headers.get("x-request-id");
  const requestId = incomingId && REQUEST_ID.test(incomingId) ? incomingId : crypto.randomUUID();

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-request-id", requestId);
  // Next reads the nonce for its own scripts from the request's CSP header.
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("x-request-id", requestId);
  for (const [name, value] of Object.entries(staticSecurityHeaders)) response.headers.set(name, value);
  return response;
}

// Static assets need no nonce; everything else, including API routes, gets the headers.
export const securityProxyMatcher = ["/((?!_next/static|_next/image|favicon.ico|icons/).*)"];
