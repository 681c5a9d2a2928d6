// Server components call procedures directly, with the same context and checks as HTTP.
import "server-only";
import { COOKIES, createCaller, type ApiContext } from "@market/api";
import { getSessionUser } from "@market/auth";
import { cookies, headers } from "next/headers";
import { cache } from "react";

export const serverCaller = cache(async (app: ApiContext["app"]) => {
  const [requestHeaders, cookieStore, user] = await Promise.all([headers(), cookies(), getSessionUser()]);
  return createCaller({
    user,
    requestId: requestHeaders.get("x-request-id") ?? crypto.randomUUID(),
    app,
    guestCartToken: cookieStore.get(COOKIES.guestCart)?.value ?? null,
    pickupPointId: cookieStore.get(COOKIES.pickupPoint)?.value ?? null,
    setCookie: (name, value, { maxAgeSeconds }) => {
      try {
        cookieStore.set(name, value, {
          path: "/",
          maxAge: maxAgeSeconds,
          httpOnly: true,
          sameSite: "lax",
          secure: process.env.NODE_ENV === "production",
        });
      } catch {
        // Rendering a server component: Next.js refuses cookie changes there (see ApiContext).
      }
    },
  });
});
