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
