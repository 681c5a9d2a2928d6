// Sellers who ship from their own warehouse (Volga Electronics in the demo data): the paid part
// appears in the portal as a pick list, the seller marks it packed, shipped and delivered, the
// shopper's order follows; a delivered item is returned and the seller accepts the return. And a
// paid order that has not shipped is cancelled by the shopper, with the refund promised.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { addFromSeller, checkOutByCourier, payWithCard, SELLERS, signUpShopper, type Picked } from "./cart-helpers.ts";
import { sellerURL, signIn } from "./fixtures.ts";

const volgaOwner = { email: "seller2@example.com", password: "seller-demo-2" };

/** Buys one Volga item by courier to Nizhny Novgorod (where its own warehouse is) and pays. */
async function buyFromVolga(page: Page): Promise<{ number: string; picked: Picked }> {
  const picked = await addFromSeller(page, SELLERS.volga);
  const number = await checkOutByCourier(page, { city: "Nizhny Novgorod", street: "Bolshaya Pokrovskaya 1" });
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page).toHaveURL(new RegExp(`/orders/${number}$`), { timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: /^Paid$/ })).toBeVisible({ timeout: 20_000 });
  return { number, picked };
}

async function sellerPortal(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, sellerURL, volgaOwner.email, volgaOwner.password);
  return page;
}

test("the seller ships from their own warehouse, the shopper follows and returns the item", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await signUpShopper(page, "Roman Returner");
  const { number, picked } = await buyFromVolga(page);

  const seller = await sellerPortal(browser);
  await seller.getByRole("link", { name: "Orders to ship" }).click();
  await expect(seller.getByRole("heading", { name: "Orders to ship", level: 1 })).toBeVisible();
  const order = seller.getByRole("article", { name: `Order ${number}` });
  await expect(order).toContainText(picked.title);
  await expect(order.getByRole("button", { name: "Print pick list" })).toBeVisible();

  await order.getByRole("button", { name: "Mark packed" }).click();
  await expect(order.getByLabel("Tracking number")).toBeVisible();
  await order.getByLabel("Tracking number").fill("NNV-4412-0087");
  await order.getByRole("button", { name: "Mark shipped" }).click();
  await order.getByRole("button", { name: "Mark delivered" }).click();
  await expect(order.getByRole("button", { name: "Mark delivered" })).toHaveCount(0);

  // The shopper's page picks it up by itself.
  await expect(page.getByRole("status").filter({ hasText: /^Delivered$/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("region", { name: `Parcel 1 · ${SELLERS.volga.name}` })).toContainText("Tracking number NNV-4412-0087");

  await page.getByRole("button", { name: `Return ${picked.title}` }).click();
  await page.getByLabel("How many").selectOption("1");
  await page.getByLabel("Why are you returning it?").fill("It does not fit my desk.");
  await page.getByRole("button", { name: "Ask for a return" }).click();
  await expect(page.getByText("Your return request has been sent to the seller.")).toBeVisible();
  await expect(page.getByText(/Return of 1 requested: waiting for the seller/)).toBeVisible();

  await seller.getByRole("link", { name: "Returns" }).click();
  const request = seller.getByRole("article", { name: `Return of ${picked.title} in order ${number}` });
  await request.getByRole("button", { name: "Accept" }).click();
  await expect(request.getByRole("button", { name: "Accept" })).toHaveCount(0);

  await page.reload();
  await expect(page.getByText(/Return of 1(: .+ refunded| accepted: .+ is being refunded)/)).toBeVisible({ timeout: 30_000 });
  await seller.context().close();
});

test("a paid order that has not shipped is cancelled by the shopper and the refund is promised", async ({ page }) => {
  await signUpShopper(page, "Katya Canceller");
  await buyFromVolga(page);
  await page.getByRole("button", { name: "Cancel order" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("the payment will be refunded");
  await dialog.getByRole("button", { name: "Yes, cancel the order" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Cancelled$/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/The payment will be refunded to the card you paid with/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
});
