// A new seller signs up, creates their shop (a wrong INN is pointed out first) and is shown the
// next steps on the dashboard.
import { expect, test } from "@playwright/test";
import { fillShopForm, sellerURL, signUpSellerAndOpenShopForm } from "./fixtures.ts";

test("a new seller creates a shop and sees the next steps", async ({ page }) => {
  await signUpSellerAndOpenShopForm(page, sellerURL, "Oleg Onboarder");
  await expect(page.getByRole("heading", { name: "Create your shop", level: 1 })).toBeVisible();
  const shopName = `Ural Crafts ${Date.now()}`;
  // 7707083890: the last digit does not match the control digit.
  await fillShopForm(page, { name: shopName, legalName: "OOO Ural Crafts", inn: "7707083890", email: "hello@ural-crafts.example" });
  await page.getByRole("button", { name: "Create shop" }).click();
  await expect(page.getByText("Enter a valid INN: 10 digits for a company, 12 for an individual entrepreneur")).toBeVisible();

  await page.getByLabel("INN").fill("7707083893");
  await page.getByRole("button", { name: "Create shop" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByText(new RegExp(`^${shopName} · 0 products`))).toBeVisible();
  await expect(page.getByRole("heading", { name: "Next steps" })).toBeVisible();
  await expect(page.getByRole("link", { name: "API keys" }).first()).toBeVisible();
});
