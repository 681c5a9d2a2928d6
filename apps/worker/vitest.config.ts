import { defineConfig } from "vitest/config";
import { vitestConfig } from "@market/config/vitest";

export default defineConfig(
  vitestConfig("worker", {
    globalSetup: ["@market/db/vitest-global-setup"],
    // The worker's environment needs AUTH_SECRET in payment-sandbox mode (no STRIPE_SECRET_KEY).
    env: { AUTH_SECRET: "test-secret-test-secret-test-secret-0000" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  }),
);
