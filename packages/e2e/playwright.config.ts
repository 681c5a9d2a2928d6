// End-to-end suites against production builds of both apps. The test pipeline
// (`pnpm test`, packages/stack) starts the database, the apps and the worker, then runs this.
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const storefrontURL = process.env.E2E_STOREFRONT_URL ?? "http://localhost:3000";
const sellerURL = process.env.E2E_SELLER_URL ?? "http://localhost:3001";

// Playwright cannot download its own browsers here; Debian's Chromium works as well.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const executablePath = process.env.CHROMIUM_PATH ?? systemChromium;

// The outage suite stops the database, so the test pipeline runs it on its own after the rest
// (E2E_PHASE=outage, with E2E_CONTROL_URL to switch PostgreSQL off and on: see
// packages/stack/src/e2e-postgres.ts). Its results go to their own folders, next to the first run's.
const outagePhase = process.env.E2E_PHASE === "outage";

export default defineConfig({
  testDir: "tests",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [
    ["list"],
    ["html", { open: "never", outputFolder: outagePhase ? "playwright-report/outage" : "playwright-report" }],
    // The test pipeline reads the counts from here for its summary line.
    ...(process.env.PLAYWRIGHT_JSON_REPORT ? [["json", { outputFile: process.env.PLAYWRIGHT_JSON_REPORT }] as const] : []),
  ],
  outputDir: outagePhase ? "test-results/outage" : "test-results",
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: outagePhase
    ? [{ name: "outage", testMatch: /outage\..*spec\.ts/, use: { ...devices["Pixel 7"], baseURL: storefrontURL } }]
    : [
        { name: "storefront", testMatch: /storefront\..*spec\.ts/, use: { ...devices["Pixel 7"], baseURL: storefrontURL } },
        { name: "seller", testMatch: /seller\..*spec\.ts/, use: { ...devices["Desktop Chrome"], baseURL: sellerURL } },
        { name: "security", testMatch: /security\..*spec\.ts/, use: { ...devices["Desktop Chrome"], baseURL: storefrontURL } },
        // Locks this machine's address out of signing in, so it runs after everything else.
        {
          name: "lockout",
          testMatch: /lockout\.spec\.ts/,
          dependencies: ["storefront", "seller", "security"],
          use: { ...devices["Desktop Chrome"], baseURL: storefrontURL },
        },
      ],
});
