import { expect, test } from "@playwright/test";

test("the home page shows the demo catalogue", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Popular now" })).toBeVisible();
  const popular = page.getByRole("list", { name: "Popular now" }).getByRole("listitem");
  await expect(popular).toHaveCount(12);
  const first = popular.first();
  await expect(first.getByRole("img")).toBeVisible();
  await expect(first.getByText(/₽/)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Categories" }).getByRole("listitem")).not.toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/storefront-home.png", fullPage: false });
});

test("health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    status: "ok",
    components: { database: { status: "up" }, queue: { status: "up" }, search: { status: "up" } },
  });
});
