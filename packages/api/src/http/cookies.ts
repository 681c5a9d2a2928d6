// Reading the request's cookies and writing Set-Cookie headers for the tRPC route.
import { COOKIES, type ApiContext } from "../context.ts";

export function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  return null;
}

export function serializeCookie(name: string, value: string, { maxAgeSeconds, secure }: { maxAgeSeconds: number; secure: boolean }): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/",
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

/** The cookie part of the context for one request; Set-Cookie headers go into `responseHeaders`. */
export function cookieContext(request: Request, responseHeaders: Headers, { secure }: { secure: boolean }) {
  const header = request.headers.get("cookie");
  return {
    guestCartToken: readCookie(header, COOKIES.guestCart),
    pickupPointId: readCookie(header, COOKIES.pickupPoint),
    setCookie: (name, value, { maxAgeSeconds }) => responseHeaders.append("Set-Cookie", serializeCookie(name, value, { maxAgeSeconds, secure })),
  } satisfies Pick<ApiContext, "guestCartToken" | "pickupPointId" | "setCookie">;
}
