// The seller-side order status, Wildberries-style, from both doors: a shopper buys from Volga
// Electronics (which ships from its own warehouse); the seller confirms the new order in the
// portal, then a script with an ORDERS key packs, ships and delivers it through the Seller API,
// and the shopper's order page follows.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { addFromSeller, checkOutByCourier, payWithCard, SELLERS, signUpShopper } from "./cart-helpers.ts";
import { sellerURL, signIn } from "./fixtures.ts";

const volgaOwner = { email: "seller2@example.com", password: "seller-demo-2" };

/**
 * A new shopper pays for one item from Volga Electronics, delivered in Volga's own city so the
 * parcel ships from the seller's own warehouse and waits for the seller (a marketplace warehouse
 * would pick and ship it within seconds in this suite); Volga's owner opens it in the portal.
 */
async function buyFromVolgaAndOpenInPortal(page: Page, browser: Browser, shopperName: string, street: string) {
  await signUpShopper(page, shopperName);
  await addFromSeller(page, SELLERS.volga);
  const number = await checkOutByCourier(page, { city: "Nizhny Novgorod", street });
  await payWithCard(page, "4242 4242 4242 4242");
  await expect(page.getByRole("status").filter({ hasText: /^Paid$/ })).toBeVisible({ timeout: 30_000 });

  const seller = await (await browser.newContext()).newPage();
  await signIn(seller, sellerURL, volgaOwner.email, volgaOwner.password);
  await seller.getByRole("link", { name: "Orders", exact: true }).click();
  await seller.getByRole("link", { name: `Order ${number}` }).click();
  await expect(seller.getByRole("heading", { name: `Order ${number}`, level: 1 })).toBeVisible();
  return { number, seller };
}

test("the seller confirms a new order in the portal and ships it through the API", async ({ page, browser, request }) => {
  test.setTimeout(150_000);
  const { number, seller } = await buyFromVolgaAndOpenInPortal(page, browser, "Oleg Orderer", "Bolshaya Pokrovskaya 2");
  const orderPartId = seller.url().split("/").pop()!;
  await seller.getByRole("button", { name: "Confirm order" }).click();
  await expect(seller.getByRole("button", { name: "Confirm order" })).toHaveCount(0);
  await expect(seller.getByText("Confirmed", { exact: true })).toBeVisible();

  await seller.getByRole("link", { name: "API keys" }).click();
  const name = `Shipping script ${Date.now()}`;
  await seller.getByLabel("Key name").fill(name);
  await seller.getByRole("checkbox", { name: "Read" }).uncheck();
  await seller.getByRole("checkbox", { name: "Orders" }).check();
  await seller.getByRole("button", { name: "Create API key" }).click();
  const key = await seller.getByLabel("Your new API key").inputValue();
  await seller.getByRole("button", { name: "I have saved the key" }).click();

  const headers = { authorization: `Bearer ${key}` };
  const confirmed = await request.get(`${sellerURL}/api/seller/v1/orders?status=confirmed`, { headers });
  expect(((await confirmed.json()) as { items: { id: string }[] }).items.map((item) => item.id)).toContain(orderPartId);

  const pack = await request.post(`${sellerURL}/api/seller/v1/orders/${orderPartId}/pack`, { headers });
  expect(pack.status()).toBe(200);
  expect(await pack.json()).toMatchObject({ orderNumber: number, status: "confirmed", deliveryStatus: "packed" });
  const ship = await request.post(`${sellerURL}/api/seller/v1/orders/${orderPartId}/ship`, { headers, data: { trackingNumber: "NNV-7731-0042" } });
  expect(await ship.json()).toMatchObject({ deliveryStatus: "shipped", trackingNumber: "NNV-7731-0042" });
  const deliver = await request.post(`${sellerURL}/api/seller/v1/orders/${orderPartId}/deliver`, { headers });
  expect(await deliver.json()).toMatchObject({ status: "complete", deliveryStatus: "delivered" });

  await expect(page.getByRole("status").filter({ hasText: /^Delivered$/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("region", { name: `Parcel 1 · ${SELLERS.volga.name}` })).toContainText("Tracking number NNV-7731-0042");

  await seller.goto(`${sellerURL}/sales/${orderPartId}`);
  await expect(seller.getByText("Complete", { exact: true })).toBeVisible();
  await expect(seller.getByRole("listitem").filter({ hasText: "Delivered" }).filter({ hasText: "by you" })).toBeVisible();
  await seller.goto(`${sellerURL}/api-keys`);
  await seller.getByRole("button", { name: `Revoke ${name}` }).click();
  await seller.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect.poll(async () => (await request.get(`${sellerURL}/api/seller/v1/orders/${orderPartId}`, { headers })).status()).toBe(401);
  await seller.context().close();
});

test("the seller cancels a parcel they cannot supply, and the shopper sees the order cancelled", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const { seller } = await buyFromVolgaAndOpenInPortal(page, browser, "Cora Cancelled", "Rozhdestvenskaya 5");
  await seller.getByRole("button", { name: "Cancel this parcel" }).click();
  const form = seller.getByRole("form", { name: "Cancel this parcel" });
  // A reason is required: the browser stops an empty one before it is sent.
  await form.getByRole("button", { name: "Cancel parcel and refund" }).click();
  await expect(form.getByLabel("Reason for cancelling")).toBeFocused();
  await form.getByLabel("Reason for cancelling").fill("The last unit was damaged in our warehouse.");
  await form.getByRole("button", { name: "Cancel parcel and refund" }).click();
  await expect(seller.getByRole("button", { name: "Cancel this parcel" })).toHaveCount(0);
  await expect(seller.getByText("Cancelled", { exact: true }).first()).toBeVisible();

  // It was the order's only parcel, so the whole order ends cancelled (and is refunded).
  await expect(page.getByRole("status").filter({ hasText: /^Cancelled$/ })).toBeVisible({ timeout: 30_000 });
  await seller.context().close();
});
