import { expect, test } from "@playwright/test";
import { signIn, uniqueEmail } from "./fixtures.ts";

test("a shopper signs up, signs out and signs in again", async ({ page, baseURL }) => {
  const email = uniqueEmail("shopper");
  const password = "a-long-password-1";

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Ivan Sidorov");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Hello, Ivan Sidorov" })).toBeVisible();

  await page.goto("/sign-out");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await signIn(page, baseURL!, email, password);
  await expect(page.getByRole("link", { name: "Ivan Sidorov" })).toBeVisible();
});

test("sign-up explains what is wrong with the input", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Short Password");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("form").getByRole("alert")).toBeVisible();
  await expect(page.getByText("Enter a valid email address, like name@example.com").first()).toBeVisible();
});

test("signing up twice with one email says the account exists", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Anna Again");
  await page.getByLabel("Email").fill("shopper@example.com");
  await page.getByLabel("Password").fill("another-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("form").getByRole("alert")).toContainText("An account with this email already exists");
});
