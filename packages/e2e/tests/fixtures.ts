// Shared helpers: demo accounts (seeded by `pnpm db:seed`) and the two apps' addresses.
import { expect, type Page } from "@playwright/test";

export const storefrontURL = process.env.E2E_STOREFRONT_URL ?? "http://localhost:3000";
export const sellerURL = process.env.E2E_SELLER_URL ?? "http://localhost:3001";

export const demo = {
  shopper: { email: "shopper@example.com", password: "shopper-demo-1", name: "Anna Petrova" },
  seller: { email: "seller@example.com", password: "seller-demo-1", shop: "Nordic Threads" },
} as const;

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

export async function signIn(page: Page, baseURL: string, email: string, password: string) {
  await page.goto(`${baseURL}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Signs up a new seller in the portal and opens the shop form from the empty dashboard. */
export async function signUpSellerAndOpenShopForm(page: Page, baseURL: string, name: string) {
  await page.goto(`${baseURL}/sign-up`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(uniqueEmail("seller"));
  await page.getByLabel("Password").fill("seller-password-1");
  await page.getByRole("button", { name: "Create seller account" }).click();
  await page.getByRole("link", { name: "Create your shop" }).click();
}

/** Fills the shop form (onboarding) with valid contacts; the INN is the caller's, to test it. */
export async function fillShopForm(page: Page, shop: { name: string; legalName: string; inn: string; email: string }) {
  await page.getByLabel("Shop name").fill(shop.name);
  await page.getByLabel("Legal name").fill(shop.legalName);
  await page.getByLabel("INN").fill(shop.inn);
  await page.getByLabel("Contact email").fill(shop.email);
  await page.getByLabel("Contact phone").fill("+7 (912) 345-67-89");
}
