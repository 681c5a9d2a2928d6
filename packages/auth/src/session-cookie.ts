// The signed-in user from the session cookie alone, for API routes (tRPC over HTTP). next-auth's
// `auth()` runs its whole session endpoint per call (a CSRF token, the cookie's decryption and a
// freshly encrypted cookie) and needs Next's request context; an API call only needs to know who
// is calling. Sessions still roll on page loads, which go through `auth()`.
import { decode } from "next-auth/jwt";
import type { Role, SessionUser } from "./types.ts";

const production = process.env.NODE_ENV === "production";
export const SESSION_COOKIE = production ? "__Secure-market.session-token" : "market.session-token";

const ROLES: readonly Role[] = ["CUSTOMER", "SELLER", "ADMIN"];

// Decrypting a token costs about 2 ms of CPU (key derivation and AES/HMAC through WebCrypto), and a
// shopper sends the same token with every call. The same token always decrypts to the same user,
// so a decrypted token is remembered until it expires; the map is bounded, oldest out first.
const DECRYPTED_LIMIT = 10_000;
const CLOCK_TOLERANCE_SECONDS = 15; // next-auth's own
const decrypted = new Map<string, { user: SessionUser; expiresAtMs: number }>();

/** The session token in a Cookie header, joined from next-auth's chunks (name.0, name.1, …) when it split a large one. */
export function sessionTokenFromCookieHeader(cookieHeader: string | null | undefined, name = SESSION_COOKIE): string | null {
  if (!cookieHeader) return null;
  let whole: string | null = null;
  const chunks: [number, string][] = [];
  for (const part of cookieHeader.split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === name) whole = value;
    else if (key.startsWith(`${name}.`) && /^\d+$/.test(key.slice(name.length + 1))) chunks.push([Number(key.slice(name.length + 1)), value]);
  }
  if (chunks.length > 0) return chunks.sort((a, b) => a[0] - b[0]).map(([, value]) => value).join("");
  return whole || null;
}

/**
 * Decrypts the session token the way next-auth does (same secret, salt and tolerance) and maps it
 * as our `session` callback does. Anything that does not decrypt, has expired or lacks a user id
 * or a known role is no session.
 */
export async function sessionUserFromToken(token: string | null, secret: string, salt = SESSION_COOKIE): Promise<SessionUser | null> {
  if (!token) return null;
  const cacheKey = `${salt}\n${secret}\n${token}`;
  const known = decrypted.get(cacheKey);
  if (known) {
    if (Date.now() < known.expiresAtMs) return known.user;
    decrypted.delete(cacheKey);
    return null;
  }
  try {
    const payload = await decode({ token, secret, salt });
    if (!payload || typeof payload.sub !== "string" || !ROLES.includes(payload.role as Role) || typeof payload.exp !== "number") return null;
    const user: SessionUser = { id: payload.sub, role: payload.role as Role, email: String(payload.email ?? ""), name: String(payload.name ?? "") };
    if (decrypted.size >= DECRYPTED_LIMIT) decrypted.delete(decrypted.keys().next().value!);
    decrypted.set(cacheKey, { user, expiresAtMs: (payload.exp + CLOCK_TOLERANCE_SECONDS) * 1000 });
    return user;
  } catch {
    return null;
  }
}

export function sessionUserFromRequest(request: Request, secret: string): Promise<SessionUser | null> {
  return sessionUserFromToken(sessionTokenFromCookieHeader(request.headers.get("cookie")), secret);
}
