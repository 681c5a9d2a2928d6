// Bulk work in the portal: the catalogue downloads as CSV, and a price file built from it is
// previewed (its bad row reported by number), imported in the background with a progress bar,
// and reported with a downloadable list of problems.
import { expect, test } from "@playwright/test";
import { demo, signIn, sellerURL } from "./fixtures.ts";

test("a seller exports the catalogue, imports prices with a bad row and follows the progress", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, sellerURL, demo.seller.email, demo.seller.password);
  await page.getByRole("link", { name: "Import & export" }).click();
  await expect(page.getByRole("heading", { name: "Import & export", level: 1 })).toBeVisible();

  const exportLink = page.getByRole("link", { name: "Download catalogue (CSV)" });
  const catalogue = await page.request.get(new URL((await exportLink.getAttribute("href"))!, sellerURL).toString());
  expect(catalogue.status()).toBe(200);
  const [header, ...records] = readCsv((await catalogue.text()).replace(/^\uFEFF/, ""));
  expect(header!.join(",")).toMatch(/^article,category,title,brand,description,size,color,sku,barcode,price,discount_price/);
  // The first three variants with the prices they have now: the import changes nothing but is real.
  const rows = records.slice(0, 3);
  expect(rows).toHaveLength(3);
  const at = (row: string[], name: string) => row[header!.indexOf(name)]!;
  const csv = ["sku;price;discount_price", ...rows.map((row) => `${at(row, "sku")};${at(row, "price")};${at(row, "discount_price")}`), "NO-SUCH-SKU;100;"].join("\n");

  await page.getByLabel("CSV file").setInputFiles({ name: "prices.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByRole("heading", { name: "Preview of prices.csv" })).toBeVisible({ timeout: 60_000 });
  const problems = page.getByRole("table", { name: "Problems found in the file" });
  await expect(problems.getByRole("row", { name: /5 sku SKU "NO-SUCH-SKU" is not in your catalogue\./ })).toBeVisible();

  await page.getByRole("button", { name: "Start import" }).click();
  const progress = page.getByRole("progressbar", { name: "Import progress" });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuemax", "4");
  await expect(page.getByText("Import finished")).toBeVisible({ timeout: 120_000 });
  await expect(progress).toHaveAttribute("aria-valuenow", "4");
  await expect(page.getByText("3 rows were applied; 1 row was skipped because of the problems below.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Download errors as CSV" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Recent imports" }).getByRole("row", { name: /prices\.csv/ }).first()).toBeVisible();
});

/** RFC 4180 as the export writes it: quoted fields may hold commas, quotes ("") and line breaks. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") row.push(field), (field = "");
    else if (char === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else if (char !== "\r") field += char;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}
