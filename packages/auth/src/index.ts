// next-auth for the two apps. `auth()` reads the session in server components and route
// handlers; the route handlers add the sign-in rate limit in front of next-auth.
import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { cache } from "react";
import { assertSignInAllowed } from "@market/domain/accounts";
import { serverEnv } from "@market/config/env";
import { isAppError } from "@market/domain";
import { createAuthConfig, SESSION_COOKIE } from "./config.ts";
import { clientAddress } from "./client-address.ts";
import type { SessionUser } from "./types.ts";

export type { SessionUser, Role } from "./types.ts";
export { clientAddress } from "./client-address.ts";
export { SESSION_COOKIE } from "./config.ts";

const nextAuth = NextAuth(() => createAuthConfig());
export const { auth, signIn, signOut } = nextAuth;

/**
 * The signed-in user, or null. Once per request: a page asks from its layout, its header and its
 * procedures, and each `auth()` runs next-auth's whole session endpoint (a CSRF token with a
 * SHA-256, the cookie's decryption). A request without the session cookie has no session, so
 * most of the catalogue's traffic (shoppers who are not signed in) skips next-auth entirely.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // next-auth splits a large cookie into name.0, name.1, …
  const hasSessionCookie = (await cookies()).getAll().some(({ name }) => name === SESSION_COOKIE || name.startsWith(`${SESSION_COOKIE}.`));
  if (!hasSessionCookie) return null;
  const session = await auth();
  const user = session?.user as Partial<SessionUser> | undefined;
  return user?.id && user.role ? (user as SessionUser) : null;
});

type RouteHandler = (request: Request) => Promise<Response>;
const handlers = nextAuth.handlers as unknown as { GET: RouteHandler; POST: RouteHandler };

/**
 * POST /api/auth/callback/credentials answers 429 with Retry-After when the account or the
 * client address has failed too often; the message is the same whether the account exists.
 */
async function POST(request: Request): Promise<Response> {
  if (new URL(request.url).pathname.endsWith("/callback/credentials")) {
    const form = await request.clone().formData().catch(() => null);
    const email = String(form?.get("email") ?? "").trim().toLowerCase();
    try {
      await assertSignInAllowed(email, clientAddress(request.headers, serverEnv().TRUSTED_PROXY_COUNT));
    } catch (error) {
      if (!isAppError(error) || error.code !== "RATE_LIMITED") throw error;
      const retryAfter = error.details?.retryAfterSeconds ?? 60;
      const url = new URL("/sign-in", request.url);
      url.searchParams.set("error", "RateLimited");
      url.searchParams.set("retryAfter", String(retryAfter));
      return Response.json(
        { url: url.toString(), error: "RateLimited", message: error.message },
        { status: 429, headers: { "Retry-After": String(retryAfter) } },
      );
    }
  }
  return handlers.POST(request);
}

export const authRouteHandlers = { GET: handlers.GET, POST };
