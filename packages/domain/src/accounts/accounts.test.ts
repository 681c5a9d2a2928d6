import { getPrisma } from "@market/db";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { authenticateWithPassword, signUp } from "./index.ts";

describe("sign-up", () => {
  it("creates a shopper with a hashed password and a lower-cased email", async () => {
    const user = await signUp({ name: "Olga", email: "  Olga@Example.COM ", password: "correct-horse-1" });
    expect(user).toMatchObject({ email: "olga@example.com", role: "CUSTOMER" });
    const stored = await getPrisma().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.passwordHash).not.toContain("correct-horse-1");
  });

  it("creates sellers with the seller role", async () => {
    const user = await signUp({ name: "Shop Owner", email: "owner@example.com", password: "correct-horse-2", accountType: "seller" });
    expect(user.role).toBe("SELLER");
  });

  it("refuses a second account for the same email, whatever its case", async () => {
    await signUp({ name: "Pavel", email: "pavel@example.com", password: "correct-horse-3" });
    const second = signUp({ name: "Pavel 2", email: "PAVEL@example.com", password: "correct-horse-4" });
    await expect(second).rejects.toMatchObject({ code: "CONFLICT", message: "An account with this email already exists. Sign in instead." });
  });

  it("cannot be used to become an admin", async () => {
    const attempt = signUp({ name: "Eve", email: "eve@example.com", password: "correct-horse-5", accountType: "admin" as never });
    await expect(attempt).rejects.toThrow();
    expect(await getPrisma().user.count({ where: { email: "eve@example.com" } })).toBe(0);
  });

  it("explains weak input", async () => {
    await expect(signUp({ name: "x", email: "x@example.com", password: "short" })).rejects.toThrow("Use at least 8 characters");
    await expect(signUp({ name: "x", email: "x@example.com", password: "x@example.com" })).rejects.toBeInstanceOf(AppError);
  });
});

describe("password sign-in", () => {
  it("returns the user for the right password and null otherwise, the same for unknown accounts", async () => {
    await signUp({ name: "Nina", email: "nina@example.com", password: "nina-password-1" });
    const ok = await authenticateWithPassword({ email: "NINA@example.com", password: "nina-password-1" }, "10.0.0.1");
    expect(ok).toMatchObject({ email: "nina@example.com", role: "CUSTOMER" });
    expect(await authenticateWithPassword({ email: "nina@example.com", password: "wrong" }, "10.0.0.1")).toBeNull();
    expect(await authenticateWithPassword({ email: "nobody@example.com", password: "wrong" }, "10.0.0.1")).toBeNull();
    expect(await authenticateWithPassword({ email: "not an email" }, "10.0.0.1")).toBeNull();
  });

  it("locks an account after five failures, even for the right password, and says so without naming the account", async () => {
    await signUp({ name: "Lev", email: "lev@example.com", password: "lev-password-1" });
    for (let i = 0; i < 5; i++) {
      expect(await authenticateWithPassword({ email: "lev@example.com", password: `guess-${i}` }, `10.0.1.${i}`)).toBeNull();
    }
    const locked = authenticateWithPassword({ email: "lev@example.com", password: "lev-password-1" }, "10.0.1.99");
    await expect(locked).rejects.toMatchObject({ code: "RATE_LIMITED", message: "Too many sign-in attempts. Please wait and try again." });
    const unknownLocked = (async () => {
      for (let i = 0; i < 5; i++) await authenticateWithPassword({ email: "ghost@example.com", password: "x" }, `10.0.2.${i}`);
      return authenticateWithPassword({ email: "ghost@example.com", password: "x" }, "10.0.2.99");
    })();
    await expect(unknownLocked).rejects.toMatchObject({ code: "RATE_LIMITED", message: "Too many sign-in attempts. Please wait and try again." });
  });

  it("limits one client address spraying many accounts", async () => {
    for (let i = 0; i < 20; i++) {
      await authenticateWithPassword({ email: `spray-${i}@example.com`, password: "x" }, "192.0.2.50");
    }
    await expect(authenticateWithPassword({ email: "fresh@example.com", password: "x" }, "192.0.2.50")).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    // Another address is not affected.
    expect(await authenticateWithPassword({ email: "fresh@example.com", password: "x" }, "192.0.2.51")).toBeNull();
  });
});
