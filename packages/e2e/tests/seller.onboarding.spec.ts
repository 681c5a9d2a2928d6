// A new seller signs up, creates their shop (a wrong INN is pointed out first) and is shown the
// next steps on the dashboard.
import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./fixtures.ts";

test("a new seller creates a shop and sees the next steps", async ({ page }) => {
  await page.goto("/sign-up");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name").fill("Oleg Onboarder");
  await page.getByLabel("Email").fill(uniqueEmail("seller"));
  await page.getByLabel("Password").fill("seller-password-1");
  await page.getByRole("button", { name: "Create seller account" }).click();

  await page.getByRole("link", { name: "Create your shop" }).click();
  await expect(page.getByRole("heading", { name: "Create your shop", level: 1 })).toBeVisible();
  const shopName = `Ural Crafts ${Date.now()}`;
  await page.getByLabel("Shop name").fill(shopName);
  await page.getByLabel("Legal name").fill("OOO Ural Crafts");
  await page.getByLabel("INN").fill("7707083890");
  await page.getByLabel("Contact email").fill("hello@ural-crafts.example");
  await page.getByLabel("Contact phone").fill("+7 (912) 345-67-89");
  await page.getByRole("button", { name: "Create shop" }).click();
  await expect(page.getByText("Enter a valid INN: 10 digits for a company, 12 for an individual entrepreneur")).toBeVisible();

  await page.getByLabel("INN").fill("7707083893");
  await page.getByRole("button", { name: "Create shop" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByText(new RegExp(`^${shopName} · 0 products`))).toBeVisible();
  await expect(page.getByRole("heading", { name: "Next steps" })).toBeVisible();
  await expect(page.getByRole("link", { name: "API keys" }).first()).toBeVisible();
});
