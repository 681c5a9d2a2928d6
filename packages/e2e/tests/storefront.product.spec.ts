// The product page on a phone (the storefront project's Pixel 7) and on a desktop: picking a
// size, the size chart, a pickup point and its delivery date, the cart, favourites kept on the
// device and merged on sign-in, reviews and recently viewed.
import { expect, test, type Page } from "@playwright/test";
import { demo } from "./fixtures.ts";

/** Signs in as the demo shopper, once the form's JavaScript is ready (before it, the browser would submit the form itself). */
async function signInAsShopper(page: Page) {
  await page.goto("/sign-in");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill(demo.shopper.email);
  await page.getByLabel("Password").fill(demo.shopper.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: demo.shopper.name })).toBeVisible();
}

const cartLink = (page: Page) => page.getByRole("banner").getByRole("link", { name: /^Cart, \d+ items?$/ });

/**
 * Opens, from the home page's "Popular now", the first product that comes in several sizes
 * (the demo shopper has a delivered order of it: see the seed's reviews.ts). Returns its title.
 */
async function openSizedProductFromHome(page: Page): Promise<string> {
  await page.goto("/");
  const links = page.getByRole("list", { name: "Popular now" }).getByRole("link");
  const hrefs = [...new Set(await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? "")))];
  for (const href of hrefs) {
    await page.goto(href);
    if ((await page.getByRole("radiogroup", { name: "Size" }).getByRole("radio").count()) < 2) continue;
    await page.goto("/");
    await page.getByRole("list", { name: "Popular now" }).locator(`a[href="${href}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    // The buttons work once the page's JavaScript has loaded.
    await page.waitForLoadState("networkidle");
    return (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  }
  throw new Error("no product with sizes among the popular products");
}

async function firstEnabledSize(page: Page) {
  const sizes = page.getByRole("radiogroup", { name: "Size" }).getByRole("radio");
  for (let i = 0; i < (await sizes.count()); i++) {
    if (await sizes.nth(i).isEnabled()) return sizes.nth(i);
  }
  throw new Error("every size is sold out");
}

test("a guest picks a size, reads the size chart, chooses a pickup point, adds to cart and favourites; signing in keeps both", async ({ page }) => {
  test.slow(); // a long walk through several pages
  const title = await openSizedProductFromHome(page);
  await expect(page).toHaveTitle(new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await expect(page.getByRole("region", { name: "Pictures" }).getByRole("img").first()).toBeVisible();

  // Nothing is chosen yet: the price is shown, availability waits for a size.
  const price = page.getByText(/₽/).first();
  await expect(price).toBeVisible();
  await expect(page.getByText("Choose a size", { exact: true })).toBeVisible();
  const size = await firstEnabledSize(page);
  await size.check();
  await expect(size).toBeChecked();
  await expect(page.getByText(/^(In stock|Only \d+ left)$/).first()).toBeVisible();
  await expect(page.getByText("Choose a size", { exact: true })).toHaveCount(0);

  // Sold-out sizes stay visible but cannot be picked.
  for (const radio of await page.getByRole("radiogroup", { name: "Size" }).getByRole("radio").all()) {
    await expect(radio).toBeVisible();
  }

  // The size chart.
  await page.getByRole("button", { name: "Size chart" }).click();
  const chart = page.getByRole("dialog", { name: "Size chart" });
  await expect(chart.getByRole("table")).toBeVisible();
  await expect(chart.getByRole("columnheader").first()).toBeVisible();
  await chart.getByRole("button", { name: "Close" }).click();
  await expect(chart).toBeHidden();

  // A pickup point and the delivery date to it.
  const delivery = page.getByRole("region", { name: "Delivery" });
  await expect(delivery).toContainText("Choose a pickup point");
  await page.getByRole("button", { name: "Choose pickup point" }).click();
  const chooser = page.getByRole("dialog", { name: "Choose pickup point" });
  await chooser.getByRole("combobox", { name: "City" }).selectOption("Moscow");
  const points = chooser.getByRole("list", { name: "Pickup points in Moscow" });
  const first = points.getByRole("button", { name: /^Choose / }).first();
  const pointName = ((await first.getAttribute("aria-label")) ?? "").replace(/^Choose /, "");
  await first.click();
  await expect(chooser).toBeHidden();
  await expect(page.getByText(pointName, { exact: true }).filter({ visible: true })).toBeVisible();
  await expect(delivery).toContainText(/Delivery on \w{3}, .*\d/);
  await expect(page.getByRole("button", { name: "Change pickup point" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/product-phone.png", fullPage: true });

  // Add to cart: the header's count goes up.
  await expect(cartLink(page)).toHaveAccessibleName("Cart, 0 items");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added to cart" })).toBeVisible();
  await expect(cartLink(page)).toHaveAccessibleName("Cart, 1 item");
  await expect(cartLink(page)).toContainText("1");

  // Favourites as a guest: kept on the device.
  await page.getByRole("button", { name: "Add to favourites" }).click();
  await expect(page.getByRole("button", { name: "Remove from favourites" })).toBeVisible();
  await page.getByRole("banner").getByRole("link", { name: "Favourites" }).click();
  await expect(page.getByRole("heading", { name: "Favourites", level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect(page.getByText("Kept on this device")).toBeVisible();
  await expect(page.getByRole("list", { name: "Favourites" }).getByRole("article", { name: title })).toBeVisible();

  // The cart page lists it, with a total.
  await cartLink(page).click();
  await expect(page.getByRole("heading", { name: /^Cart/, level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Total" })).toContainText("₽");

  // Recently viewed on the home page.
  await page.goto("/");
  await expect(page.getByRole("list", { name: "Recently viewed" }).getByRole("article", { name: title })).toBeVisible();

  // Signing in merges the device's favourites and the guest cart into the account.
  await signInAsShopper(page);
  // The merge runs on the first page after signing in; once it is done the device's list is
  // emptied (so it happens once). Opening the favourites before that could show the list without it.
  await expect.poll(() => page.evaluate(() => localStorage.getItem("market.favourites"))).toBe("[]");
  await page.goto("/favourites");
  await expect(page.getByRole("list", { name: "Favourites" }).getByRole("article", { name: title })).toBeVisible();
  await expect(page.getByText("Kept on this device")).toHaveCount(0);
  await expect(cartLink(page)).not.toHaveAccessibleName("Cart, 0 items");
  await page.goto("/cart");
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("reviews: the summary, newest first, more on request, and the demo shopper reviews a delivered purchase", async ({ page }) => {
  test.slow();
  const title = await openSizedProductFromHome(page);
  const reviews = page.getByRole("region", { name: "Reviews" });
  await expect(reviews.getByRole("list", { name: "Rating" }).getByRole("listitem")).toHaveCount(5);
  const items = reviews.getByRole("list", { name: "Reviews" }).getByRole("listitem");
  await expect(items).toHaveCount(10);
  await reviews.getByRole("button", { name: "Show more reviews" }).click();
  await expect.poll(() => items.count()).toBeGreaterThan(10);
  // Guests are not offered the form.
  await expect(page.getByRole("form", { name: "Write a review" })).toHaveCount(0);

  await signInAsShopper(page);
  await page.goto("/");
  await page.getByRole("list", { name: "Popular now" }).getByRole("link", { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const form = page.getByRole("form", { name: "Write a review" });
  // (A retry finds the review from the first attempt instead.)
  if ((await form.count()) > 0) {
    await form.getByRole("button", { name: "Publish review" }).click();
    await expect(form.getByRole("alert")).toContainText("Choose a rating from 1 to 5 stars");
    await form.getByRole("radio", { name: "5 stars" }).check();
    await form.getByLabel("Your review").fill("Comfortable from the first day. Written by the e2e suite.");
    await form.getByRole("button", { name: "Publish review" }).click();
    await expect(page.getByText("Thank you! Your review is published.")).toBeVisible();
  }
  const newest = page.getByRole("region", { name: "Reviews" }).getByRole("list", { name: "Reviews" }).getByRole("listitem").first();
  await expect(newest).toContainText("Anna P.");
  await expect(newest).toContainText("Written by the e2e suite.");
  await expect(page.getByRole("form", { name: "Write a review" })).toHaveCount(0);
});

test("an unknown product is a 404 page", async ({ page }) => {
  const response = await page.goto("/products/no-such-product-anywhere");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test.describe("on a desktop", () => {
  test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });

  test("the pictures sit beside the variant picker, and the gallery works from the keyboard", async ({ page }) => {
    await openSizedProductFromHome(page);
    const gallery = page.getByRole("region", { name: "Pictures" });
    const sizes = page.getByRole("radiogroup", { name: "Size" });
    const [galleryBox, sizesBox] = [await gallery.boundingBox(), await sizes.boundingBox()];
    expect(sizesBox!.x).toBeGreaterThan(galleryBox!.x + galleryBox!.width);
    expect(sizesBox!.y).toBeLessThan(galleryBox!.y + galleryBox!.height);

    const second = gallery.getByRole("button", { name: /^Picture 2 of \d+$/ });
    if (await second.count()) {
      await second.focus();
      await page.keyboard.press("Enter");
      await expect(second).toHaveAttribute("aria-current", "true");
      await page.keyboard.press("ArrowLeft");
      await expect(gallery.getByRole("button", { name: /^Picture 1 of \d+$/ })).toHaveAttribute("aria-current", "true");
    }
    await page.screenshot({ path: "test-results/screens/product-desktop.png", fullPage: true });
  });
});
