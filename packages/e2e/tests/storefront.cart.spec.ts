// The cart on a phone: items from two sellers grouped per seller with subtotals and a total
// computed by the server, a quantity change, a removal, and checkout asking a guest to sign in.
import { expect, test } from "@playwright/test";
import { addFromSeller, amount, cartLink, SELLERS } from "./cart-helpers.ts";

test("a guest fills the cart from two sellers, changes a quantity and removes an item", async ({ page }) => {
  test.slow(); // several product pages
  const dress = await addFromSeller(page, SELLERS.nordic);
  const gadget = await addFromSeller(page, SELLERS.volga);
  await expect(cartLink(page)).toHaveAccessibleName("Cart, 2 items");

  await cartLink(page).click();
  await expect(page.getByRole("heading", { name: /^Cart/, level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const nordic = page.getByRole("region", { name: `Seller ${SELLERS.nordic.name}` });
  const volga = page.getByRole("region", { name: `Seller ${SELLERS.volga.name}` });
  const dressLine = nordic.getByRole("listitem", { name: dress.title });
  await expect(dressLine).toBeVisible();
  await expect(volga.getByRole("listitem", { name: gadget.title })).toBeVisible();
  const total = page.getByRole("complementary", { name: "Total" });
  await expect(total).toContainText("2 items");
  await page.screenshot({ path: "test-results/screens/cart-two-sellers.png", fullPage: true });

  // One more of the dress: the line, its seller's subtotal, the total and the header follow.
  const unitPrice = amount(await dressLine.getByText(/ each$/).textContent());
  expect(unitPrice).toBeGreaterThan(0);
  await page.getByRole("button", { name: `Increase quantity of ${dress.title}` }).click();
  const quantity = page.getByRole("spinbutton", { name: `Quantity of ${dress.title}` });
  await expect(quantity).toHaveValue("2");
  await expect(total).toContainText("3 items");
  await expect(cartLink(page)).toHaveAccessibleName("Cart, 3 items");
  await expect.poll(async () => amount(await nordic.getByText("Subtotal").locator("..").textContent())).toBe(2 * unitPrice);

  // Typing a quantity that is not a whole number 0..99 is refused where it was typed.
  await quantity.fill("1.5");
  await quantity.press("Enter");
  await expect(dressLine.getByRole("alert")).toHaveText("Enter a whole number from 0 to 99");
  await expect(quantity).toHaveValue("2");

  // Removing the gadget takes its seller's group with it.
  await page.getByRole("button", { name: `Remove ${gadget.title}` }).click();
  await expect(volga).toHaveCount(0);
  await expect(total).toContainText("2 items");

  // The server kept all of it.
  await page.reload();
  await expect(page.getByRole("spinbutton", { name: `Quantity of ${dress.title}` })).toHaveValue("2");
  await expect(page.getByRole("region", { name: `Seller ${SELLERS.volga.name}` })).toHaveCount(0);
  await expect(cartLink(page)).toHaveAccessibleName("Cart, 2 items");
  expect(amount(await total.getByText(/₽/).first().textContent())).toBe(2 * unitPrice);

  // Checkout needs an account: a guest is sent to sign in first, and comes back to checkout.
  await expect(page.getByRole("link", { name: "Go to checkout" })).toHaveAttribute("href", "/sign-in?callbackUrl=%2Fcheckout");

  // Emptying the cart shows the empty state.
  await page.getByRole("button", { name: `Remove ${dress.title}` }).click();
  await expect(page.getByRole("heading", { name: "Your cart is empty" })).toBeVisible();
  await expect(cartLink(page)).toHaveAccessibleName("Cart, 0 items");
});
