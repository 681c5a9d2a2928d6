import { describe, expect, it } from "vitest";
import { checkCsrf } from "./csrf.ts";

const options = { allowedOrigins: [], trustForwardedHost: false };
const post = (headers: Record<string, string>) =>
  new Request("http://localhost:3000/api/trpc/accounts.signUp", { method: "POST", headers: { host: "localhost:3000", ...headers } });

describe("CSRF check for mutations", () => {
  it("lets same-origin JSON through", () => {
    expect(checkCsrf(post({ "content-type": "application/json", origin: "http://localhost:3000" }), options).ok).toBe(true);
  });
  it("lets JSON without an Origin through (non-browser clients)", () => {
    expect(checkCsrf(post({ "content-type": "application/json; charset=utf-8" }), options).ok).toBe(true);
  });
  it.each(["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", ""])(
    "refuses %s bodies",
    (contentType) => {
      const verdict = checkCsrf(post({ "content-type": contentType, origin: "http://localhost:3000" }), options);
      expect(verdict.ok).toBe(false);
    },
  );
  it("refuses JSON from another origin", () => {
    const verdict = checkCsrf(post({ "content-type": "application/json", origin: "http://evil.example" }), options);
    expect(verdict).toEqual({ ok: false, reason: "Cross-origin requests are not allowed." });
  });
  it("refuses the sibling app's origin unless allowed", () => {
    const req = post({ "content-type": "application/json", origin: "http://localhost:3001" });
    expect(checkCsrf(req, options).ok).toBe(false);
    expect(checkCsrf(req, { ...options, allowedOrigins: ["http://localhost:3001"] }).ok).toBe(true);
  });
  it("refuses a cross-site fetch without Origin", () => {
    expect(checkCsrf(post({ "content-type": "application/json", "sec-fetch-site": "cross-site" }), options).ok).toBe(false);
  });
  it("ignores a forged X-Forwarded-Host unless a proxy is trusted", () => {
    const req = post({ "content-type": "application/json", origin: "http://evil.example", "x-forwarded-host": "evil.example" });
    expect(checkCsrf(req, options).ok).toBe(false);
    expect(checkCsrf(req, { ...options, trustForwardedHost: true }).ok).toBe(true);
  });
  it("allows safe methods", () => {
    expect(checkCsrf(new Request("http://localhost:3000/api/trpc/x", { method: "GET" }), options).ok).toBe(true);
  });
});
