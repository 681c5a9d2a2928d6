import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./fixtures.ts";

// The pipeline runs the apps with SIGN_IN_MAX_FAILURES_PER_CLIENT=8.
const CLIENT_LIMIT = Number(process.env.E2E_CLIENT_SIGN_IN_LIMIT ?? 8);

async function attempt(request: import("@playwright/test").APIRequestContext, spoofedAddress: string) {
  const csrf = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", {
    form: { email: uniqueEmail("spray"), password: "wrong-password", csrfToken: csrf.csrfToken },
    headers: { "x-forwarded-for": spoofedAddress, "x-auth-return-redirect": "1" },
  });
}

test("one client spraying many accounts is limited, whatever X-Forwarded-For it sends", async ({ request }) => {
  let limitedAt = 0;
  for (let n = 1; n <= CLIENT_LIMIT + 1; n++) {
    const response = await attempt(request, `203.0.113.${n}`);
    if (response.status() === 429) {
      limitedAt = n;
      break;
    }
    expect(response.status()).toBe(200);
  }
  expect(limitedAt).toBeGreaterThan(0);

  const again = await attempt(request, "198.51.100.200");
  expect(again.status()).toBe(429);
  expect(again.headers()["retry-after"]).toMatch(/^\d+$/);
  expect(await again.json()).toMatchObject({ message: "Too many sign-in attempts. Please wait and try again." });
});
