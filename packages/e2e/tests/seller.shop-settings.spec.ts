// A new seller creates a shop with a logo (an SVG is refused first), then edits the shop in
// Shop settings: the logo shows, a wrong INN is pointed out, and removing the logo is saved.
import { expect, test } from "@playwright/test";
import { fillShopForm, sellerURL, signUpSellerAndOpenShopForm } from "./fixtures.ts";
import { pngImage } from "./png.ts";

const SVG_LOGO = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><script>alert(1)</script></svg>');

test("a seller adds a logo at onboarding and edits the shop in Shop settings", async ({ page }) => {
  await signUpSellerAndOpenShopForm(page, sellerURL, "Lena Logo");
  const shopName = `Logo Lab ${Date.now()}`;
  await fillShopForm(page, { name: shopName, legalName: "OOO Logo Lab", inn: "7707083893", email: "hello@logo-lab.example" });
  // Named .png, but the bytes are an SVG: the server decides by the bytes.
  await page.getByLabel("Shop logo").setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: SVG_LOGO });
  await expect(page.getByText(/SVG images are not accepted/)).toBeVisible();
  await page.getByLabel("Shop logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: pngImage(256, 256, [139, 21, 153]) });
  await expect(page.getByRole("img", { name: "Shop logo preview" })).toBeVisible();
  await page.getByRole("button", { name: "Create shop" }).click();
  // Creating the shop, then uploading and saving its logo: three requests in a row.
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible({ timeout: 45_000 });

  await page.getByRole("link", { name: "Shop settings" }).click();
  await expect(page.getByRole("heading", { name: "Shop settings", level: 1 })).toBeVisible();
  const logo = page.getByRole("img", { name: "Shop logo preview" });
  await expect(logo).toHaveAttribute("src", /^\/files\/sellers\/[0-9a-f-]+\/logo\/[0-9a-f-]+\.webp$/);
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(512);

  // A renamed SVG gets past the browser's check but not the server's.
  await page.getByLabel("Shop logo").setInputFiles({ name: "innocent.png", mimeType: "image/png", buffer: SVG_LOGO });
  await expect(page.getByText("SVG images are not accepted, because they can contain scripts. Upload a JPEG, PNG, WebP or AVIF picture.")).toBeVisible();

  await page.getByLabel("INN").fill("7707083894");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Enter a valid INN: 10 digits for a company, 12 for an individual entrepreneur")).toBeVisible();

  await page.getByLabel("INN").fill("7707083893");
  await page.getByLabel("Description (optional)").fill("Hand-made signs.");
  await page.getByRole("button", { name: "Remove logo" }).click();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Description (optional)")).toHaveValue("Hand-made signs.");
  await expect(page.getByRole("img", { name: "Shop logo preview" })).toHaveCount(0);
});
