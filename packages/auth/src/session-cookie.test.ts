import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE, sessionTokenFromCookieHeader, sessionUserFromRequest, sessionUserFromToken } from "./session-cookie.ts";

const secret = "a-test-secret-that-is-long-enough-0123456789";
const user = { sub: "6f1c1d1e-8a43-4c4e-9a55-0b9d4f0c2a10", role: "CUSTOMER", email: "anna@example.com", name: "Anna" };
// What next-auth writes after sign-in: the jwt callback's token, encrypted with the cookie name as salt.
const issue = (claims: Record<string, unknown>, maxAge = 3600, key = secret) => encode({ token: claims, secret: key, salt: SESSION_COOKIE, maxAge });

afterEach(() => vi.useRealTimers());

describe("the session from the cookie", () => {
  it("reads the user next-auth signed in", async () => {
    const token = await issue(user);
    const request = new Request("http://localhost/api/trpc/cart.get", { headers: { cookie: `market.cart=abc; ${SESSION_COOKIE}=${token}; other=1` } });
    expect(await sessionUserFromRequest(request, secret)).toEqual({ id: user.sub, role: "CUSTOMER", email: user.email, name: user.name });
  });

  it("joins a token next-auth split into chunks, in their order", async () => {
    const token = await issue(user);
    const header = `${SESSION_COOKIE}.1=${token.slice(40)}; ${SESSION_COOKIE}.0=${token.slice(0, 40)}`;
    expect(sessionTokenFromCookieHeader(header)).toBe(token);
    expect((await sessionUserFromToken(sessionTokenFromCookieHeader(header), secret))?.id).toBe(user.sub);
  });

  it("is no session when the cookie is missing, forged, from another secret, expired, or lacks a role", async () => {
    expect(await sessionUserFromRequest(new Request("http://localhost/"), secret)).toBeNull();
    expect(await sessionUserFromToken("not-a-token", secret)).toBeNull();
    expect(await sessionUserFromToken(await issue(user, 3600, "another-secret-that-is-long-enough-987654321"), secret)).toBeNull();
    expect(await sessionUserFromToken(await issue(user, -60), secret)).toBeNull();
    expect(await sessionUserFromToken(await issue({ ...user, role: "ROOT" }), secret)).toBeNull();
    const token = await issue(user);
    const tampered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await sessionUserFromToken(tampered, secret)).toBeNull();
  });

  it("remembers a decrypted token only until it expires", async () => {
    const token = await issue(user, 120);
    expect((await sessionUserFromToken(token, secret))?.id).toBe(user.sub);
    expect((await sessionUserFromToken(token, secret))?.id).toBe(user.sub); // from memory
    expect(await sessionUserFromToken(token, "another-secret-that-is-long-enough-987654321")).toBeNull(); // not for another secret
    vi.useFakeTimers({ now: Date.now() + 120_000 + 16_000 });
    expect(await sessionUserFromToken(token, secret)).toBeNull();
  });

  it("does not accept a token issued for another cookie name (salt)", async () => {
    const token = await encode({ token: user, secret, salt: "someone-elses.session-token", maxAge: 3600 });
    expect(await sessionUserFromToken(token, secret)).toBeNull();
  });
});
