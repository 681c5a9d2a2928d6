// A new seller signs up, creates a shop, lists a dress in two sizes with a picture, publishes it,
// and a shopper finds it in the storefront's search once the worker has indexed it.
import { deflateSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { storefrontURL, uniqueEmail } from "./fixtures.ts";

/** A plain 320×320 PNG, built here so the suite carries no binary fixtures. */
function pngImage(size = 320): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  // Each row: filter byte 0, then RGB pixels (a two-tone picture, so it is not a blank square).
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const offset = y * (1 + size * 3);
    for (let x = 0; x < size; x++) {
      const p = offset + 1 + x * 3;
      const top = y < size / 2;
      rows[p] = top ? 30 : 200;
      rows[p + 1] = top ? 64 : 120;
      rows[p + 2] = top ? 175 : 60;
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

test("a new seller lists a product in two sizes with a picture and a shopper finds it in search", async ({ page }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const title = `Zephyr linen dress ${stamp}`;

  // Sign up and create the shop (as in seller.onboarding.spec.ts).
  await page.goto("/sign-up");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name").fill("Lidia Lister");
  await page.getByLabel("Email").fill(uniqueEmail("lister"));
  await page.getByLabel("Password").fill("seller-password-1");
  await page.getByRole("button", { name: "Create seller account" }).click();
  await page.getByRole("link", { name: "Create your shop" }).click();
  await page.getByLabel("Shop name").fill(`Zephyr Linen ${stamp}`);
  await page.getByLabel("Legal name").fill("OOO Zephyr");
  await page.getByLabel("INN").fill("7707083893");
  await page.getByLabel("Contact email").fill("hello@zephyr.example");
  await page.getByLabel("Contact phone").fill("+7 (912) 345-67-89");
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
  await page.getByLabel("Add images").setInputFiles({ name: "dress.png", mimeType: "image/png", buffer: pngImage() });
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
