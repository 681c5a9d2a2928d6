// What every procedure knows about its caller. The app resolves the session (next-auth) and
// passes it in, so this package does not depend on the auth package.
export type Role = "CUSTOMER" | "SELLER" | "ADMIN";
export type SessionUser = { id: string; email: string; name: string; role: Role };

export type ApiContext = {
  user: SessionUser | null;
  requestId: string;
  /** Which app serves the request: some procedures only make sense in one. */
  app: "storefront" | "seller";
};
