// The cart's procedures when PostgreSQL cannot be reached: a 503 with a human message, which
// the storefront takes as "keep the change on the device and replay it later". The database
// here is a closed port, so the pg driver's own connection error is what gets mapped.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_UNAVAILABLE_MESSAGE } from "../errors.ts";
import { createTrpcRouteHandler } from "../http/trpc-route.ts";
import { createCaller } from "../root.ts";

const guestCartToken = "a".repeat(43);
const context = { user: null, requestId: "test", app: "storefront" as const, guestCartToken, pickupPointId: null, setCookie: () => undefined };
const variantId = "0195f1a2-0000-7000-8000-00000000000a";

let savedUrl: string | undefined;
beforeAll(() => {
  savedUrl = process.env.DATABASE_URL;
  // Port 9 (discard) is closed on any machine that runs these tests: connections are refused.
  process.env.DATABASE_URL = "postgresql://postgres:postgres@127.0.0.1:9/unreachable";
});
afterAll(() => {
  process.env.DATABASE_URL = savedUrl;
});

describe("the cart while the database is down", () => {
  it("answers SERVICE_UNAVAILABLE with a message for people, for reads and changes alike", async () => {
    const api = createCaller(context);
    for (const call of [
      () => api.cart.get(),
      () => api.cart.summary(),
      () => api.cart.add({ variantId }),
      () => api.cart.sync({ operations: [{ variantId, quantity: 2 }] }),
    ]) {
      const error = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE });
    }
  });

  it("sends HTTP 503 without driver details", async () => {
    const handle = createTrpcRouteHandler({
      app: "storefront",
      getUser: async () => null,
      csrf: { allowedOrigins: [], trustForwardedHost: false },
      cookies: { secure: false },
    });
    const response = await handle(
      new Request("http://localhost/api/trpc/cart.sync", {
        method: "POST",
        headers: { "content-type": "application/json", cookie: `market.cart=${guestCartToken}` },
        body: JSON.stringify({ json: { operations: [{ variantId, quantity: 1 }] } }),
      }),
    );
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(text).toContain(DATABASE_UNAVAILABLE_MESSAGE);
    expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/i);
  });

  it("still validates first: a bad quantity is a 400, not a 503", async () => {
    const api = createCaller(context);
    await expect(api.cart.setQuantity({ lineId: variantId, quantity: 1.5 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.cart.sync({ operations: [{ variantId, quantity: "1" as unknown as number }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
