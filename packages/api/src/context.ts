// What every procedure knows about its caller. The app resolves the session (next-auth) and
// passes it in, so this package does not depend on the auth package.
export type Role = "CUSTOMER" | "SELLER" | "ADMIN";
export type SessionUser = { id: string; email: string; name: string; role: Role };

/** Cookies procedures read through the context and set through `setCookie`. */
export const COOKIES = {
  /** A guest's cart token (32 random bytes, base64url). HttpOnly. */
  guestCart: "market.cart",
  /** The shopper's chosen pickup point id, for delivery estimates. HttpOnly. */
  pickupPoint: "market.pickup-point",
} as const;

/**
 * The web layer writes the cookie with HttpOnly, SameSite=Lax, Path=/ and (in production) Secure;
 * a procedure only says what, and for how long. maxAge 0 deletes it.
 */
export type SetCookie = (name: (typeof COOKIES)[keyof typeof COOKIES], value: string, options: { maxAgeSeconds: number }) => void;

export type ApiContext = {
  user: SessionUser | null;
  requestId: string;
  /** Which app serves the request: some procedures only make sense in one. */
  app: "storefront" | "seller";
  /** The guest cart token from its cookie, as sent (the cart domain checks its shape), or null. */
  guestCartToken: string | null;
  /** The pickup point id from its cookie, as sent, or null. */
  pickupPointId: string | null;
  /**
   * Sets a cookie on the response. Over HTTP (the /api/trpc route) it always works; in a server
   * component's render it cannot (Next.js allows cookie changes only in route handlers and
   * server actions) and does nothing, so procedures must not rely on it while rendering.
   */
  setCookie: SetCookie;
};
