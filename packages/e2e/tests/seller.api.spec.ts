// A seller connects their own system: creates an API key in the portal (shown once), calls the
// Seller REST API with it (scopes enforced), reads the reference, and revokes the key.
// Also the dashboard and the orders list, as the shop's owner sees them.
import { expect, test } from "@playwright/test";
import { demo, sellerURL, signIn } from "./fixtures.ts";

test("an API key made in the portal reads the catalogue, is refused a write outside its scope, and stops working once revoked", async ({ page, request }) => {
  await signIn(page, sellerURL, demo.seller.email, demo.seller.password);
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  const name = `Warehouse sync ${Date.now()}`;
  await page.getByLabel("Key name").fill(name);
  await expect(page.getByRole("checkbox", { name: "Read" })).toBeChecked();
  await page.getByRole("button", { name: "Create API key" }).click();
  const keyField = page.getByLabel("Your new API key");
  await expect(keyField).toHaveValue(/^mk_live_/);
  const key = await keyField.inputValue();
  await page.getByRole("button", { name: "I have saved the key" }).click();
  await expect(keyField).toHaveCount(0);

  const headers = { authorization: `Bearer ${key}` };
  const products = await request.get(`${sellerURL}/api/seller/v1/products?limit=2`, { headers });
  expect(products.status()).toBe(200);
  expect(products.headers()["x-ratelimit-remaining"]).toMatch(/^\d+$/);
  const body = (await products.json()) as { items: { id: string }[]; nextCursor: string | null };
  expect(body.items).toHaveLength(2);
  expect(body.nextCursor).not.toBeNull();

  const write = await request.post(`${sellerURL}/api/seller/v1/prices`, { headers, data: { prices: [{ sku: "NOPE", priceMinor: 100 }] } });
  expect(write.status()).toBe(403);
  expect(((await write.json()) as { error: { code: string } }).error.code).toBe("forbidden");

  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect.poll(async () => (await request.get(`${sellerURL}/api/seller/v1/products`, { headers })).status()).toBe(401);

  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "Seller API reference", level: 1 })).toBeVisible();
  await expect(page.getByText("/stocks").first()).toBeVisible();
  const openapi = await request.get(`${sellerURL}/api/seller/v1/openapi.json`);
  expect(((await openapi.json()) as { openapi: string }).openapi).toBe("3.1.0");
});

test("the dashboard charts the shop's sales and the orders list filters by status", async ({ page }) => {
  await signIn(page, sellerURL, demo.seller.email, demo.seller.password);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Revenue and orders per day, last 30 days" }).or(page.getByText("No paid orders"))).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Low stock/ })).toBeVisible();

  await page.getByRole("link", { name: "Orders", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Your orders, newest first" }).or(page.getByRole("heading", { name: "No orders yet" }))).toBeVisible();
  await page.getByLabel("From", { exact: true }).fill("2026-02-01");
  await page.getByLabel("To", { exact: true }).fill("2026-01-01");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
});
