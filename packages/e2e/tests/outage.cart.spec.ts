// The brief's open question 2: the database goes away while a shopper is using the cart. The
// test pipeline runs this suite on its own (E2E_PHASE=outage) and gives it E2E_CONTROL_URL, a
// switch for the end-to-end PostgreSQL (packages/stack/src/e2e-postgres.ts): PostgreSQL is
// really stopped in the middle of the run and started again.
import { expect, test } from "@playwright/test";
import { addFromSeller, cartLink, OFFLINE_NOTICE, openProductInStock, SELLERS } from "./cart-helpers.ts";

const control = process.env.E2E_CONTROL_URL;

async function postgres(action: "stop" | "start") {
  const response = await fetch(`${control}/postgres/${action}`, { method: "POST", signal: AbortSignal.timeout(120_000) });
  expect(response.ok, await response.text()).toBe(true);
}

test("the cart keeps working on the device while PostgreSQL is down, and the server gets exactly those changes back", async ({ page, context }) => {
  test.skip(!control, "needs the test pipeline's PostgreSQL switch (E2E_CONTROL_URL)");
  test.setTimeout(240_000);

  // Before the outage: a dress in the cart with the cart page open, and a gadget's page open
  // in a second tab.
  const dress = await addFromSeller(page, SELLERS.nordic);
  await page.goto("/cart");
  await page.waitForLoadState("networkidle");
  const quantity = page.getByRole("spinbutton", { name: `Quantity of ${dress.title}` });
  await expect(quantity).toHaveValue("1");
  const productTab = await context.newPage();
  const gadget = await openProductInStock(productTab, SELLERS.volga);

  await postgres("stop");
  try {
    // A quantity change on the cart page is kept on the device, and said so.
    await page.bringToFront();
    await page.getByRole("button", { name: `Increase quantity of ${dress.title}` }).click();
    await expect(page.getByText(OFFLINE_NOTICE)).toBeVisible();
    await expect(quantity).toHaveValue("2");
    await expect(page.getByRole("listitem", { name: dress.title }).getByText("Not saved yet")).toBeVisible();
    await expect(page.getByRole("button", { name: "Go to checkout" })).toBeDisabled();
    await expect(page.getByText("Checkout is paused")).toBeVisible();

    // "Add to cart" in the other tab works too, and both tabs count it.
    await productTab.bringToFront();
    await productTab.getByRole("button", { name: "Add to cart" }).click();
    await expect(productTab.getByRole("status").filter({ hasText: "Added to your cart on this device" })).toBeVisible();
    await expect(cartLink(productTab)).toHaveAccessibleName("Cart, 3 items");
    await page.bringToFront();
    await expect(page.getByRole("region", { name: `Seller ${SELLERS.volga.name}` }).getByRole("listitem", { name: gadget.title })).toBeVisible();
    await expect(cartLink(page)).toHaveAccessibleName("Cart, 3 items");

    // The cart page still opens while the database is down, from what the device kept.
    await page.reload();
    await expect(page.getByText(OFFLINE_NOTICE)).toBeVisible();
    await expect(quantity).toHaveValue("2");
    await expect(page.getByRole("spinbutton", { name: `Quantity of ${gadget.title}` })).toHaveValue("1");
    await expect(cartLink(page)).toHaveAccessibleName("Cart, 3 items");
    await expect(page.getByText("Checkout is paused")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/cart-outage.png", fullPage: true });
  } finally {
    await postgres("start");
  }

  // Back: the changes are replayed (backoff, at most half a minute apart), the notice goes and
  // checkout opens again.
  await expect(page.getByText(OFFLINE_NOTICE)).toBeHidden({ timeout: 60_000 });
  await expect(page.getByText("Not saved yet")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Go to checkout" })).toBeVisible();

  // The server's cart holds exactly what the shopper saw.
  await page.reload();
  await expect(page.getByText(OFFLINE_NOTICE)).toHaveCount(0);
  await expect(page.getByRole("spinbutton", { name: `Quantity of ${dress.title}` })).toHaveValue("2");
  await expect(page.getByRole("spinbutton", { name: `Quantity of ${gadget.title}` })).toHaveValue("1");
  await expect(cartLink(page)).toHaveAccessibleName("Cart, 3 items");
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("market.cart.journal")))).toEqual([]);
  const summary = await page.request.get("/api/trpc/cart.summary");
  expect(summary.ok()).toBe(true);
  expect(((await summary.json()) as { result: { data: { json: { itemCount: number } } } }).result.data.json.itemCount).toBe(3);
});
