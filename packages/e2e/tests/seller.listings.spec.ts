// A new seller signs up, creates a shop, lists a dress in two sizes with a picture, publishes it,
// and a shopper finds it in the storefront's search once the worker has indexed it.
import { expect, test } from "@playwright/test";
import { fillShopForm, sellerURL, signUpSellerAndOpenShopForm, storefrontURL } from "./fixtures.ts";
import { pngImage } from "./png.ts";

test("a new seller lists a product in two sizes with a picture and a shopper finds it in search", async ({ page }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const title = `Zephyr linen dress ${stamp}`;

  // Sign up and create the shop (as in seller.onboarding.spec.ts).
  await signUpSellerAndOpenShopForm(page, sellerURL, "Lidia Lister");
  await fillShopForm(page, { name: `Zephyr Linen ${stamp}`, legalName: "OOO Zephyr", inn: "7707083893", email: "hello@zephyr.example" });
  await page.getByRole("button", { name: "Create shop" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();

  // An empty catalogue invites the first product.
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Products" }).click();
  await expect(page.getByRole("heading", { name: "No products yet" })).toBeVisible();
  await page.getByRole("link", { name: "Add your first product" }).click();
  await expect(page.getByRole("heading", { name: /New product/, level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");

  // Category first: its characteristics appear.
  await page.getByLabel("Category").selectOption({ label: "Women › Dresses" });
  await page.getByLabel("Material (required)").selectOption("Linen");
  await page.getByLabel("Country of origin (required)").selectOption("Russia");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Brand").fill("Zephyr");
  const description = page.getByRole("textbox", { name: "Description" });
  await description.click();
  await page.keyboard.type("A light summer dress. ");
  await page.getByRole("button", { name: "Bold" }).click();
  await page.keyboard.type("Pure linen.");

  // The picture, through the uploader's file input.
  await page.getByLabel("Add images").setInputFiles({ name: "dress.png", mimeType: "image/png", buffer: pngImage(320, 320, [30, 64, 175], [200, 120, 60]) });
  await expect(page.getByRole("list", { name: "Product images" }).getByRole("listitem")).toHaveCount(1, { timeout: 30_000 });

  // Two sizes make two rows of the matrix.
  const sizes = page.getByRole("textbox", { name: "Sizes" });
  await sizes.fill("S, M");
  await sizes.press("Enter");
  for (const size of ["S", "M"]) {
    await page.getByLabel(`SKU for ${size}`, { exact: true }).fill(`ZEP-${stamp}-${size}`);
    await page.getByLabel(`Price for ${size}`, { exact: true }).fill("2 490.00");
    await page.getByLabel(new RegExp(`^Stock in .+ for ${size}$`)).first().fill("7");
  }
  await page.getByLabel("Price before discount for S", { exact: true }).fill("3 290");

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published. Shoppers can find it in the storefront within a minute.")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("On sale").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Unpublish" })).toBeVisible();

  // The list shows it on sale.
  await page.getByRole("link", { name: "← Products" }).click();
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row.getByText("On sale")).toBeVisible();

  // A shopper (no account needed) finds it once the worker has indexed it.
  const shopper = await page.context().browser()!.newPage();
  await expect(async () => {
    await shopper.goto(`${storefrontURL}/search?q=${encodeURIComponent(`Zephyr linen dress ${stamp}`)}`);
    await expect(shopper.getByRole("link", { name: new RegExp(title) }).first()).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000, 3_000, 5_000] });
  await shopper.getByRole("link", { name: new RegExp(title) }).first().click();
  await expect(shopper.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await shopper.close();
});
