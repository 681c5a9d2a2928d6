import { defineConfig } from "vitest/config";
import { vitestConfig } from "@market/config/vitest";

// Tests that need PostgreSQL (the payment webhook) create their own database on the server the
// global setup provides (embedded unless TEST_DATABASE_ADMIN_URL or DATABASE_URL is set).
export default defineConfig(
  vitestConfig("api", {
    globalSetup: ["@market/db/vitest-global-setup"],
    env: { AUTH_SECRET: "test-secret-test-secret-test-secret-0000" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  }),
);
