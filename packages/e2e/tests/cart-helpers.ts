// Shared by the cart suites: finding an item in stock from a given seller and putting it in the
// cart, the way a shopper does it (seller page → product page → size → "Add to cart").
import { expect, type Page } from "@playwright/test";
import { uniqueEmail } from "./fixtures.ts";

export const cartLink = (page: Page) => page.getByRole("banner").getByRole("link", { name: /^Cart, \d+ items?$/ });

export const OFFLINE_NOTICE = "We can't reach our servers right now. Your cart changes are saved on this device and will be applied when we're back.";

/** Two demo sellers (packages/stack/src/seed): clothes with sizes, and electronics. */
export const SELLERS = {
  nordic: { slug: "nordic-threads", name: "Nordic Threads" },
  volga: { slug: "volga-electronics", name: "Volga Electronics" },
} as const;
type Seller = (typeof SELLERS)[keyof typeof SELLERS];

export type Picked = { title: string; seller: Seller };

/**
 * Opens, from the seller's page, a product with a variant that has more than a few in stock
 * ("In stock", so its quantity can go up), and picks that variant. Does not add it.
 */
export async function openProductInStock(page: Page, seller: Seller): Promise<Picked> {
  await page.goto(`/sellers/${seller.slug}?in_stock=1`);
  const hrefs = [...new Set(await page.getByRole("list", { name: "All products" }).getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? "")))];
  for (const href of hrefs.slice(0, 8)) {
    await page.goto(href);
    // The radios and the button work once the page's JavaScript has loaded.
    await page.waitForLoadState("networkidle");
    const title = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").trim();
    const sizes = page.getByRole("radiogroup", { name: "Size" }).getByRole("radio");
    const count = await sizes.count();
    if (count === 0) {
      if (await page.getByText("In stock", { exact: true }).isVisible()) return { title, seller };
      continue;
    }
    for (let i = 0; i < count; i++) {
      if (!(await sizes.nth(i).isEnabled())) continue;
      await sizes.nth(i).check();
      if (await page.getByText("In stock", { exact: true }).isVisible()) return { title, seller };
    }
  }
  throw new Error(`no product of ${seller.name} with a variant well in stock`);
}

/** Opens an item in stock from the seller and adds one to the cart. */
export async function addFromSeller(page: Page, seller: Seller): Promise<Picked> {
  const picked = await openProductInStock(page, seller);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added to cart" })).toBeVisible();
  return picked;
}

/** The whole number in a money text ("₽2,490" → 2490). */
export const amount = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

/** Signs up a new shopper (a fresh, empty cart), waits for the account page and returns the email. */
export async function signUpShopper(page: Page, name: string): Promise<string> {
  const email = uniqueEmail("buyer");
  await page.goto("/sign-up");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("buyer-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: `Hello, ${name}` })).toBeVisible();
  return email;
}

/** Fills the payment sandbox's card form with a test card and presses "Pay …". */
export async function payWithCard(page: Page, card: string) {
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry date (MM/YY)").fill("12/34");
  await page.getByLabel("Security code (CVC)").fill("123");
  await page.getByRole("button", { name: /^Pay / }).click();
}

/** Checks out the cart by courier to this address and lands on the pay page. Returns the order number. */
export async function checkOutByCourier(page: Page, { city = "Moscow", street = "Tverskaya 1" }: { city?: string; street?: string } = {}): Promise<string> {
  await page.goto("/checkout");
  await page.waitForLoadState("networkidle");
  await page.getByRole("radio", { name: /^Courier/ }).check();
  await page.getByLabel("City").fill(city);
  await page.getByLabel("Street and house").fill(street);
  await page.getByLabel("Phone").fill("+7 900 123-45-67");
  await page.getByRole("button", { name: /^Place order/ }).click();
  await expect(page).toHaveURL(/\/orders\/[^/]+\/pay$/);
  const number = decodeURIComponent(new URL(page.url()).pathname.split("/")[2]!);
  await page.waitForLoadState("networkidle");
  return number;
}
