// One next-auth configuration for both apps: the same cookie name and secret make one
// session valid in the storefront and in the seller portal.
import { isAppError } from "@market/domain";
import { authenticateWithPassword } from "@market/domain/accounts";
import { serverEnv } from "@market/config/env";
import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientAddress } from "./client-address.ts";
import { SESSION_COOKIE } from "./session-cookie.ts";
import type { SessionUser } from "./types.ts";

export { SESSION_COOKIE };
const production = process.env.NODE_ENV === "production";

export function createAuthConfig(): NextAuthConfig {
  const env = serverEnv();
  return {
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    cookies: {
      sessionToken: {
        name: SESSION_COOKIE,
        options: {
          httpOnly: true,
          sameSite: "lax",
          path: "/",
          secure: production,
          ...(env.AUTH_COOKIE_DOMAIN ? { domain: env.AUTH_COOKIE_DOMAIN } : {}),
        },
      },
    },
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const address = clientAddress(request.headers, env.TRUSTED_PROXY_COUNT);
          try {
            return await authenticateWithPassword(credentials, address);
          } catch (error) {
            // Rate limiting is answered with 429 before next-auth runs; a race that reaches
            // here is simply a failed sign-in.
            if (isAppError(error)) return null;
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const u = user as SessionUser;
          token.sub = u.id;
          token.role = u.role;
          token.name = u.name;
          token.email = u.email;
        }
        return token;
      },
      session({ session, token }) {
        const user = session.user as unknown as SessionUser;
        user.id = token.sub!;
        user.role = token.role as SessionUser["role"];
        return session;
      },
    },
  };
}
