import { expect, test } from "@playwright/test";
import { demo, sellerURL, signIn, storefrontURL } from "./fixtures.ts";

test("the demo seller signs in to the portal and sees their shop", async ({ page }) => {
  await signIn(page, sellerURL, demo.seller.email, demo.seller.password);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText(new RegExp(`^${demo.seller.shop} · [\\d,]+ products`))).toBeVisible();
  await page.screenshot({ path: "test-results/screens/seller-dashboard.png", fullPage: true });
});

test("a signed-out visitor is sent to sign in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in to the seller portal" })).toBeVisible();
});

test("a shopper cannot open the portal's seller pages or call seller procedures", async ({ page }) => {
  // One session for both apps: signing in on the storefront is enough.
  await signIn(page, storefrontURL, demo.shopper.email, demo.shopper.password);
  await page.goto(`${sellerURL}/`);
  await expect(page.getByRole("heading", { name: "This portal is for sellers" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Your shops" })).toHaveCount(0);

  const response = await page.request.get(`${sellerURL}/api/trpc/sellers.myShops`);
  expect(response.status()).toBe(403);
  const body = await response.json();
  expect(JSON.stringify(body)).toContain("Your account does not have access to this.");
});
