import { describe, expect, it } from "vitest";
import { COOKIES } from "../context.ts";
import { cookieContext, readCookie, serializeCookie } from "./cookies.ts";

describe("cookies in the tRPC context", () => {
  it("reads one cookie from the header", () => {
    expect(readCookie("a=1; market.cart=abc_-XYZ; b=2", "market.cart")).toBe("abc_-XYZ");
    expect(readCookie("market.cartx=1", "market.cart")).toBeNull();
    expect(readCookie(null, "market.cart")).toBeNull();
    expect(readCookie("market.cart=%E0%A4%A", "market.cart")).toBeNull();
  });

  it("writes HttpOnly, SameSite=Lax cookies for the whole site, Secure when asked", () => {
    expect(serializeCookie("market.cart", "t0ken", { maxAgeSeconds: 60, secure: true })).toBe(
      "market.cart=t0ken; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure",
    );
    expect(serializeCookie("market.cart", "", { maxAgeSeconds: 0, secure: false })).toBe("market.cart=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
  });

  it("gives procedures the guest cart token and pickup point, and collects Set-Cookie headers", () => {
    const request = new Request("http://localhost/api/trpc/cart.add", {
      headers: { cookie: `${COOKIES.guestCart}=tok; ${COOKIES.pickupPoint}=0190a0c4-0000-7000-8000-000000000000` },
    });
    const response = new Headers();
    const context = cookieContext(request, response, { secure: false });
    expect(context).toMatchObject({ guestCartToken: "tok", pickupPointId: "0190a0c4-0000-7000-8000-000000000000" });
    context.setCookie(COOKIES.guestCart, "new", { maxAgeSeconds: 10 });
    context.setCookie(COOKIES.pickupPoint, "p", { maxAgeSeconds: 20 });
    expect(response.getSetCookie()).toEqual([
      "market.cart=new; Path=/; Max-Age=10; HttpOnly; SameSite=Lax",
      "market.pickup-point=p; Path=/; Max-Age=20; HttpOnly; SameSite=Lax",
    ]);
  });
});
