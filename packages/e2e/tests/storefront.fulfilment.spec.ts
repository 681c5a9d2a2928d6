// The brief's whole sequence with the warehouse simulator (steps of 300 ms in the test stack):
// pay → pick list to the warehouse → ACCEPTED … DELIVERED through the signed webhook → the order
// page follows without a reload → the shopper is told in the app and by email.
import { expect, test, type Page } from "@playwright/test";
import { addFromSeller, payWithCard, SELLERS, signUpShopper } from "./cart-helpers.ts";

/** Checks out the cart by courier and pays with the sandbox's good card. Returns the order number. */
async function buyByCourier(page: Page): Promise<string> {
  await page.goto("/checkout");
  await page.waitForLoadState("networkidle");
  await page.getByRole("radio", { name: /^Courier/ }).check();
  await page.getByLabel("City").fill("Moscow");
  await page.getByLabel("Street and house").fill("Tverskaya 1");
  await page.getByLabel("Phone").fill("+7 900 123-45-67");
  await page.getByRole("button", { name: /^Place order/ }).click();
  await expect(page).toHaveURL(/\/orders\/[^/]+\/pay$/);
  const number = decodeURIComponent(new URL(page.url()).pathname.split("/")[2]!);
  await page.waitForLoadState("networkidle");
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page).toHaveURL(new RegExp(`/orders/${number}$`), { timeout: 30_000 });
  return number;
}

test("from payment to delivered: the order page follows the warehouse, the bell and the mailbox tell the shopper", async ({ page }) => {
  test.setTimeout(120_000);
  const email = await signUpShopper(page, "Fedor Follower");
  await addFromSeller(page, SELLERS.nordic);
  const number = await buyByCourier(page);

  // No reload from here on: the page notices the warehouse's reports by itself.
  const status = page.getByRole("status").filter({ hasText: /^(Paid|Being prepared|Packed|Shipped|Delivered)$/ });
  await expect(status).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Delivered$/ })).toBeVisible({ timeout: 60_000 });
  const timeline = page.getByRole("region", { name: "Order history" });
  await expect(timeline).toContainText("Accepted by the warehouse");
  await expect(timeline).toContainText(/Tracking number WB-SIM-\d+/);
  const parcel = page.getByRole("region", { name: `Parcel 1 · ${SELLERS.nordic.name}` });
  await expect(parcel).toContainText(/Tracking number WB-SIM-\d+/);

  // The bell counts what the shopper has not read; the first package message says it is being prepared.
  const bell = page.getByRole("link", { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible({ timeout: 20_000 });
  await bell.click();
  await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
  const list = page.getByRole("list", { name: "Your notifications" });
  const prepared = list.getByRole("link", { name: `Your package from ${SELLERS.nordic.name} is being prepared` });
  await expect(prepared).toHaveCount(1);
  await expect(list.getByRole("link", { name: `Your package from ${SELLERS.nordic.name} is on its way` })).toHaveCount(1);
  await expect(list.getByRole("link", { name: `Your package from ${SELLERS.nordic.name} has been delivered` })).toHaveCount(1);
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();

  // The same messages by email (the development mailbox stands in for SMTP here).
  await page.goto("/dev/mailbox");
  await page.getByRole("searchbox", { name: "Recipient" }).fill(email);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("article", { name: `Order ${number}: your package from ${SELLERS.nordic.name} is being prepared` })).toHaveCount(1);
  await expect(page.getByRole("article", { name: `Order ${number}: your package from ${SELLERS.nordic.name} has been delivered` })).toHaveCount(1);
});
