import { expect, test } from "@playwright/test";
import { storefrontURL, uniqueEmail } from "./fixtures.ts";

test("security headers are sent on pages", async ({ request }) => {
  const response = await request.get("/");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
});

test("a cross-origin form post to a tRPC mutation is refused", async ({ page, request }) => {
  const email = uniqueEmail("csrf");
  // A page on another origin submits a form to our mutation, as a CSRF attack would.
  await page.route("http://attacker.test/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form method="post" action="${storefrontURL}/api/trpc/accounts.signUp" enctype="text/plain">
        <input name='{"json":{"name":"x","email":"${email}","password":"password-123","ignore":"' value='"}}'>
        <button>Win a prize</button></form>`,
    }),
  );
  await page.goto("http://attacker.test/");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes("/api/trpc/accounts.signUp")),
    page.getByRole("button", { name: "Win a prize" }).click(),
  ]);
  expect(response.status()).toBe(403);

  // Form-encoded and text/plain bodies are refused even without an Origin header.
  const formPost = await request.post("/api/trpc/accounts.signUp", {
    form: { name: "x", email, password: "password-123" },
  });
  expect(formPost.status()).toBe(403);

  // And the account was not created: signing up for real still works.
  const realSignUp = await request.post("/api/trpc/accounts.signUp", {
    data: { json: { name: "Real Person", email, password: "password-123" } },
    headers: { origin: storefrontURL },
  });
  expect(realSignUp.status()).toBe(200);
});

test("users see a readable message, not internals, when input is wrong", async ({ request }) => {
  const response = await request.post("/api/trpc/accounts.signUp", {
    data: { json: { name: "", email: "bad", password: "x" } },
    headers: { origin: storefrontURL },
  });
  expect(response.status()).toBe(400);
  const text = await response.text();
  expect(text).not.toMatch(/at .*\.ts:\d+|stack|prisma|SELECT/i);
  expect(text).toContain("Enter your name");
});

test("repeated failed sign-ins get 429, with no hint whether the account exists", async ({ page }) => {
  const email = uniqueEmail("locked");
  await page.goto("/sign-in");
  const form = page.getByRole("form", { name: "Sign in" });
  const statuses: number[] = [];
  for (let attempt = 1; attempt <= 6; attempt++) {
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password").fill(`wrong-password-${attempt}`);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials")),
      form.getByRole("button", { name: "Sign in" }).click(),
    ]);
    statuses.push(response.status());
    await expect(form.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  await expect(form.getByRole("alert")).toContainText("Too many sign-in attempts. Please wait 15 minutes and try again.");
});

test("a wrong password and an unknown account get the same answer", async ({ page }) => {
  await page.goto("/sign-in");
  const form = page.getByRole("form", { name: "Sign in" });
  const messages: string[] = [];
  for (const email of ["shopper@example.com", uniqueEmail("nobody")]) {
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password").fill("not-the-password");
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(form.getByRole("alert")).toBeVisible();
    messages.push((await form.getByRole("alert").textContent()) ?? "");
    await page.reload();
  }
  expect(messages[0]).toBe("That email and password do not match. Check them and try again.");
  expect(messages[1]).toBe(messages[0]);
});
