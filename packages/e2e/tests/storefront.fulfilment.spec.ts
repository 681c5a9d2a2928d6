// The brief's whole sequence with the warehouse simulator (steps of 300 ms in the test stack):
// pay → pick list to the warehouse → ACCEPTED … DELIVERED through the signed webhook → the order
// page follows without a reload → the shopper is told in the app and by email.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { addFromSeller, checkOutByCourier, payWithCard, SELLERS, signUpShopper } from "./cart-helpers.ts";

/** Checks out the cart by courier and pays with the sandbox's good card. Returns the order number. */
async function buyByCourier(page: Page): Promise<string> {
  const number = await checkOutByCourier(page);
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

const warehouseURL = process.env.E2E_WAREHOUSE_URL ?? "http://127.0.0.1:3002";

/** The simulator's test switches (the suites run one at a time, so a test may flip them). */
async function simulatorModes(request: APIRequestContext, modes: { duplicates?: boolean; outOfOrder?: boolean; refuse?: boolean }) {
  const response = await request.post(`${warehouseURL}/control`, { data: modes });
  expect(response.ok()).toBe(true);
}

async function simulatorState(request: APIRequestContext) {
  const control = (await (await request.get(`${warehouseURL}/control`)).json()) as { counts: { refusedRequests: number } };
  const { tasks } = (await (await request.get(`${warehouseURL}/pick-tasks`)).json()) as { tasks: { orderNumber: string; receivedCount: number }[] };
  return { refused: control.counts.refusedRequests, tasks };
}

test("every report twice and out of order: the order ends delivered and each step is told once", async ({ page, request }) => {
  test.setTimeout(120_000);
  await simulatorModes(request, { duplicates: true, outOfOrder: true });
  try {
    const email = await signUpShopper(page, "Dina Duplicate");
    await addFromSeller(page, SELLERS.nordic);
    const number = await buyByCourier(page);
    // ACCEPTED, PACKED, PICKING (late: kept, not applied), DELIVERED, SHIPPED (late), each sent twice.
    await expect(page.getByRole("status").filter({ hasText: /^Delivered$/ })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole("region", { name: `Parcel 1 · ${SELLERS.nordic.name}` })).toContainText(/Tracking number WB-SIM-\d+/);

    await page.goto("/notifications");
    const list = page.getByRole("list", { name: "Your notifications" });
    await expect(list.getByRole("link", { name: `Your package from ${SELLERS.nordic.name} has been delivered` })).toHaveCount(1);
    await expect(list.getByRole("link", { name: `Your package from ${SELLERS.nordic.name} is being prepared` })).toHaveCount(1);
    await expect(list.getByRole("link", { name: `Your package from ${SELLERS.nordic.name} is packed` })).toHaveCount(1);
    await expect(list.getByRole("link", { name: `Order ${number} is paid` })).toHaveCount(1);
    await expect(list.getByRole("listitem")).toHaveCount(4);

    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    await page.getByRole("searchbox", { name: "Recipient" }).fill(email);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByRole("article", { name: `Order ${number}: your package from ${SELLERS.nordic.name} has been delivered` })).toHaveCount(1);
    await expect(page.getByRole("article", { name: `Order ${number}: your package from ${SELLERS.nordic.name} is being prepared` })).toHaveCount(1);
  } finally {
    await simulatorModes(request, { duplicates: false, outOfOrder: false });
  }
});

test("the warehouse down for a while: the pick request is retried, delivered once it is back, and prepared once", async ({ page, request }) => {
  test.setTimeout(150_000);
  await simulatorModes(request, { refuse: true });
  try {
    await signUpShopper(page, "Wanda Waiting");
    await addFromSeller(page, SELLERS.nordic);
    const refusedBefore = (await simulatorState(request)).refused;
    const number = await buyByCourier(page);
    // The worker's pick request is refused (503) and will be retried with backoff.
    await expect.poll(async () => (await simulatorState(request)).refused, { timeout: 30_000 }).toBeGreaterThan(refusedBefore);
    expect((await simulatorState(request)).tasks.filter((task) => task.orderNumber === number)).toHaveLength(0);
    await expect(page.getByRole("status").filter({ hasText: /^Paid$/ })).toBeVisible();
  } finally {
    await simulatorModes(request, { refuse: false });
  }
  // Back up: the next retry gets through and the parcel goes all the way, from one pick task.
  await expect(page.getByRole("status").filter({ hasText: /^Delivered$/ })).toBeVisible({ timeout: 90_000 });
  const number = decodeURIComponent(new URL(page.url()).pathname.split("/")[2]!);
  expect((await simulatorState(request)).tasks.filter((task) => task.orderNumber === number)).toHaveLength(1);
});
