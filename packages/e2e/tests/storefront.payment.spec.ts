// Paying for an order in the payment sandbox (no Stripe keys in the test stack): the same webhook
// route, signatures and outbox as with Stripe; only the far end differs.
import { expect, test, type Page } from "@playwright/test";
import { addFromSeller, checkOutByCourier, payWithCard, SELLERS, signUpShopper } from "./cart-helpers.ts";

/** Checks out whatever is in the cart, by courier, and lands on the pay page. Returns the order number. */
async function placeOrder(page: Page): Promise<string> {
  await addFromSeller(page, SELLERS.volga);
  const number = await checkOutByCourier(page);
  await expect(page.getByRole("heading", { name: `Pay for order ${number}` })).toBeVisible();
  return number;
}

test("a declined card can be retried with another, and the paid order opens", async ({ page }) => {
  await signUpShopper(page, "Pavel Payer");
  const number = await placeOrder(page);
  await expect(page.getByRole("region", { name: "Test cards" })).toContainText("4242 4242 4242 4242");

  await payWithCard(page, "4000 0000 0000 0002");
  await expect(page.getByRole("form", { name: "Card" }).getByRole("alert")).toHaveText("Your card was declined. Try another card.");

  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page).toHaveURL(new RegExp(`/orders/${number}$`), { timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: /^(Paid|Being prepared|Packed|Shipped|Delivered)$/ })).toBeVisible();

  await page.goto(`/orders/${number}/pay`);
  await expect(page.getByText("This order is already paid.")).toBeVisible();
});

test("a payment the bank takes a while over shows progress until it is confirmed", async ({ page }) => {
  await signUpShopper(page, "Pavel Payer");
  const number = await placeOrder(page);
  await payWithCard(page, "4000 0000 0000 3220");
  await expect(page.getByRole("status").filter({ hasText: "Confirming your payment…" })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/orders/${number}$`), { timeout: 30_000 });
});

test("mistyped card details are pointed out before anything is charged", async ({ page }) => {
  await signUpShopper(page, "Pavel Payer");
  await placeOrder(page);
  await page.getByLabel("Card number").fill("4242 4242");
  await page.getByLabel("Expiry date (MM/YY)").fill("13/20");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByText("Enter a valid card number.")).toBeVisible();
  await expect(page.getByText("Enter the expiry date as MM/YY, not in the past.")).toBeVisible();
  await expect(page.getByText("Enter the 3 or 4 digits from the back of the card.")).toBeVisible();
});
