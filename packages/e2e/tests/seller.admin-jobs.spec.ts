// Operators see the job queue (outbox deliveries, expiries, reconciliation, indexing) with its
// states; sellers do not.
import { expect, test } from "@playwright/test";
import { demo, sellerURL, signIn } from "./fixtures.ts";

test("an operator sees the job queue by state and task; a seller is turned away", async ({ page, browser }) => {
  await signIn(page, sellerURL, "admin@example.com", "admin-demo-1");
  await page.getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
  const states = page.getByRole("navigation", { name: "Job states" });
  await expect(states.getByRole("link", { name: /^Failing \(will retry\) · \d+$/ })).toHaveAttribute("aria-current", "page");
  await states.getByRole("link", { name: /^Queued · \d+$/ }).click();
  await expect(page).toHaveURL(/state=queued/);
  await expect(page.getByRole("heading", { name: "By task" })).toBeVisible();

  const sellerContext = await browser.newContext();
  const sellerPage = await sellerContext.newPage();
  await signIn(sellerPage, sellerURL, demo.seller.email, demo.seller.password);
  await sellerPage.goto(`${sellerURL}/admin/jobs`);
  await expect(sellerPage.getByRole("alert").filter({ hasText: "Operators only" })).toBeVisible();
  await expect(sellerPage.getByRole("link", { name: "Jobs" })).toHaveCount(0);
  await sellerContext.close();
});
