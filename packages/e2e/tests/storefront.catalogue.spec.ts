import { expect, test, type Page } from "@playwright/test";

const grid = (page: Page) => page.getByRole("list", { name: "All products" });
const prices = async (page: Page) => {
  const texts = await grid(page).getByRole("listitem").locator("span.text-lg").allTextContents();
  return texts.map((t) => Number(t.replace(/[^\d]/g, "")));
};

test("a shopper browses from the home page into a category and narrows it with facets", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Women" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Women" })).toBeVisible();
  await page.getByRole("list", { name: "Women" }).getByRole("link", { name: "Dresses" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dresses" })).toBeVisible();
  await expect(grid(page).getByRole("listitem").first()).toBeVisible();
  const total = await page.getByRole("status").filter({ hasText: /products?$/ }).textContent();

  const filters = page.getByRole("form", { name: "Filters" });
  const brand = filters.getByRole("group", { name: "Brand" }).getByRole("checkbox").first();
  const brandName = await brand.evaluate((el) => (el as HTMLInputElement).value);
  await brand.check();
  await expect(page).toHaveURL(new RegExp(`brand=${encodeURIComponent(brandName).replace(/%20/g, "(\\+|%20)")}`));
  await expect(page.getByRole("status").filter({ hasText: /products?$/ })).not.toHaveText(total!);

  await filters.getByLabel("Sort by").selectOption("price_asc");
  await expect(page).toHaveURL(/sort=price_asc/);
  const ascending = await prices(page);
  expect(ascending.length).toBeGreaterThan(0);
  expect([...ascending].sort((a, b) => a - b)).toEqual(ascending);

  // The back button restores the previous state: brand filter without the sort.
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=price_asc/);
  await expect(page).toHaveURL(/brand=/);
  await expect(filters.getByRole("group", { name: "Brand" }).getByRole("checkbox", { checked: true })).toHaveCount(1);
});

test("a listing's URL can be shared: filters, sort and page come back from it", async ({ page }) => {
  await page.goto("/catalog/women?in_stock=1&sort=price_desc&page=2");
  await expect(page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Page 1" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Pages" }).locator("[aria-current=page]")).toHaveText("2");
  await expect(page.getByRole("form", { name: "Filters" }).getByLabel("Sort by")).toHaveValue("price_desc");
  await expect(page.getByRole("form", { name: "Filters" }).getByRole("checkbox", { name: /In stock only/ })).toBeChecked();
  const descending = await prices(page);
  expect([...descending].sort((a, b) => b - a)).toEqual(descending);
});

test("search suggests as you type and forgives a typo", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Search" });
  await box.fill("smartpho");
  const suggestions = page.getByRole("listbox", { name: "Suggestions" });
  await expect(suggestions.getByRole("option").first()).toBeVisible();
  await expect(suggestions).toContainText(/smartphone/i);

  await box.fill("smartpohne");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=smartpohne/);
  await expect(grid(page).getByRole("listitem").first()).toBeVisible();
  await expect(grid(page)).toContainText(/smartphone/i);
});

test("a search that finds nothing says so and offers categories", async ({ page }) => {
  await page.goto("/search?q=qwxzvbnmkj");
  await expect(page.getByText("Nothing found for “qwxzvbnmkj”")).toBeVisible();
  await expect(page.getByRole("link", { name: "Electronics" })).toBeVisible();
});

test("a seller's storefront lists only that seller's products", async ({ page }) => {
  await page.goto("/sellers/nordic-threads");
  await expect(page.getByRole("heading", { name: "Products from Nordic Threads" })).toBeVisible();
  const sellers = await grid(page).getByRole("listitem").locator("p.text-xs").allTextContents();
  expect(sellers.length).toBeGreaterThan(0);
  expect(new Set(sellers)).toEqual(new Set(["Nordic Threads"]));
});

test("the interface switches to Russian and back", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("group", { name: "Language" }).getByRole("button", { name: "Русский" }).click();
  await expect(page.getByRole("heading", { name: "Популярное" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await page.getByRole("group", { name: "Язык" }).getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Popular now" })).toBeVisible();
});

test("the storefront is installable: manifest, icons and an offline page", async ({ page, request }) => {
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ display: "standalone", start_url: "/" });
  const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status()).toBe(200);
  expect((await request.get("/sw.js")).status()).toBe(200);
  await page.goto("/offline");
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
});
