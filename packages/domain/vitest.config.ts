import { defineConfig } from "vitest/config";
import { vitestConfig } from "@market/config/vitest";

// Integration tests on a real PostgreSQL: the global setup provides a server (embedded unless
// TEST_DATABASE_ADMIN_URL or DATABASE_URL is set), the setup file a fresh database per file.
export default defineConfig(
  vitestConfig("domain", {
    globalSetup: ["@market/db/vitest-global-setup"],
    setupFiles: ["./src/testing/fresh-database-setup.ts"],
    env: { AUTH_SECRET: "test-secret-test-secret-test-secret-0000", DATABASE_URL: "postgresql://set-by-setup/unused" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  }),
);
