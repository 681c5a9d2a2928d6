import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./content-security-policy.ts";

describe("content security policy", () => {
  const production = contentSecurityPolicy("abc123", { development: false, https: true });
  it("allows scripts only with the nonce", () => {
    expect(production).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(production).not.toContain("unsafe-eval");
  });
  it("forbids framing and plugins", () => {
    expect(production).toContain("frame-ancestors 'none'");
    expect(production).toContain("object-src 'none'");
  });
  it("upgrades insecure requests only over HTTPS", () => {
    expect(production).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { development: false, https: false })).not.toContain("upgrade-insecure-requests");
  });
  it("relaxes eval only in development", () => {
    expect(contentSecurityPolicy("n", { development: true, https: false })).toContain("'unsafe-eval'");
  });
  it("allows Stripe's hosts only when Stripe is on", () => {
    expect(production).not.toContain("stripe.com");
    expect(production).not.toContain("frame-src");
    const withStripe = contentSecurityPolicy("n", { development: false, https: true, stripe: true });
    expect(withStripe).toContain("https://js.stripe.com");
    expect(withStripe).toContain("frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com");
    expect(withStripe).toContain("connect-src 'self' https://api.stripe.com");
    expect(withStripe).toContain("frame-ancestors 'none'");
  });
});
