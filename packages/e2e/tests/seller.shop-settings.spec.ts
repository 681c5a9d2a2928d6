// A new seller creates a shop with a logo (an SVG is refused first), then edits the shop in
// Shop settings: the logo shows, a wrong INN is pointed out, and removing the logo is saved.
import { deflateSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { sellerURL, uniqueEmail } from "./fixtures.ts";

/** A solid-colour PNG, built here so the suite needs no image files or image library. */
function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
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
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(pixels)), chunk("IEND", Buffer.alloc(0))]);
}

const SVG_LOGO = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><script>alert(1)</script></svg>');

test("a seller adds a logo at onboarding and edits the shop in Shop settings", async ({ page }) => {
  await page.goto(`${sellerURL}/sign-up`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name").fill("Lena Logo");
  await page.getByLabel("Email").fill(uniqueEmail("logo-seller"));
  await page.getByLabel("Password").fill("seller-password-1");
  await page.getByRole("button", { name: "Create seller account" }).click();
  await page.getByRole("link", { name: "Create your shop" }).click();

  const shopName = `Logo Lab ${Date.now()}`;
  await page.getByLabel("Shop name").fill(shopName);
  await page.getByLabel("Legal name").fill("OOO Logo Lab");
  await page.getByLabel("INN").fill("7707083893");
  await page.getByLabel("Contact email").fill("hello@logo-lab.example");
  await page.getByLabel("Contact phone").fill("+7 (912) 345-67-89");
  // Named .png, but the bytes are an SVG: the server decides by the bytes.
  await page.getByLabel("Shop logo").setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: SVG_LOGO });
  await expect(page.getByText(/SVG images are not accepted/)).toBeVisible();
  await page.getByLabel("Shop logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: solidPng(256, 256, [139, 21, 153]) });
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
