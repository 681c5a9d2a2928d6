// The purchase, as a shopper does it on a phone: two products from two sellers into the cart,
// checkout to a pickup point, payment in the payment sandbox (the same code path as Stripe:
// a PaymentIntent through the Stripe SDK, a signed webhook), and the order shown as paid.
import { expect, test } from "@playwright/test";
import { addFromSeller, cartLink, payWithCard, SELLERS, signUpShopper } from "./cart-helpers.ts";

test("a shopper buys from two sellers, picks up at a pickup point and pays in the sandbox", async ({ page }) => {
  test.slow(); // sign-up, two product pages, checkout and payment
  await signUpShopper(page, "Pavel Buyer");
  const first = await addFromSeller(page, SELLERS.nordic);
  const second = await addFromSeller(page, SELLERS.volga);
  await expect(cartLink(page)).toHaveAccessibleName("Cart, 2 items");

  await cartLink(page).click();
  await expect(page.getByRole("region", { name: `Seller ${SELLERS.nordic.name}` })).toContainText(first.title);
  await expect(page.getByRole("region", { name: `Seller ${SELLERS.volga.name}` })).toContainText(second.title);
  await page.getByRole("link", { name: "Go to checkout" }).click();

  // Checkout: a pickup point from the list, the phone number; name and email come from the account.
  await expect(page.getByRole("heading", { name: "Checkout", level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const summary = page.getByRole("complementary", { name: "Your order" });
  await expect(summary).toContainText(`Parcel from ${SELLERS.nordic.name}`);
  await expect(summary).toContainText(`Parcel from ${SELLERS.volga.name}`);
  const placeOrder = page.getByRole("button", { name: /^Place order · / });
  await expect(placeOrder).toBeDisabled(); // no pickup point yet
  await page.getByRole("button", { name: "Choose pickup point" }).click();
  const dialog = page.getByRole("dialog", { name: "Choose pickup point" });
  await dialog.getByLabel("City").selectOption({ index: 1 });
  await dialog.getByRole("button", { name: /^Choose / }).first().click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Ready on /)).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Pavel Buyer");
  await page.getByLabel("Phone").fill("+7 900 123-45-67");
  await expect(placeOrder).toBeEnabled();
  const total = ((await placeOrder.textContent()) ?? "").replace(/^Place order · /, "");
  await placeOrder.click();

  // Payment (declines and slow payments: storefront.payment.spec.ts).
  await expect(page).toHaveURL(/\/orders\/M-\d{6}-[0-9A-Z]{6}\/pay$/);
  const number = /\/orders\/(M-[^/]+)\/pay/.exec(page.url())![1]!;
  await expect(page.getByRole("heading", { name: `Pay for order ${number}` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Pay ${total}` })).toBeVisible();
  await payWithCard(page, "4242 4242 4242 4242");

  // The webhook marks the order paid; the pay page moves on to the order by itself.
  await expect(page).toHaveURL(new RegExp(`/orders/${number}$`), { timeout: 30_000 });
  // Paid, and from there the warehouse simulator moves it on within seconds (storefront.fulfilment.spec.ts).
  const progressed = /^(Paid|Being prepared|Packed|Shipped|Ready for pickup)$/;
  await expect(page.getByRole("status")).toHaveText(progressed);
  await expect(page.getByRole("region", { name: new RegExp(`Parcel \\d · ${SELLERS.nordic.name}`) })).toContainText(first.title);
  await expect(page.getByRole("region", { name: new RegExp(`Parcel \\d · ${SELLERS.volga.name}`) })).toContainText(second.title);
  await expect(page.getByText("Payment received", { exact: true })).toBeVisible();
  await expect(cartLink(page)).toHaveAccessibleName("Cart, 0 items");

  await page.getByRole("banner").getByRole("link", { name: "Orders" }).click();
  await expect(page.getByRole("link", { name: new RegExp(`Order ${number}.*(Paid|Being prepared|Packed|Shipped|Ready for pickup)`) })).toBeVisible();
  await page.screenshot({ path: "test-results/checkout-orders.png", fullPage: true });
});
