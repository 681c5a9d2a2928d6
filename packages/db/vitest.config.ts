// Integration tests against a real PostgreSQL (embedded unless DATABASE_URL is set); see
// src/testing/vitest-global-setup.ts.
import { defineConfig } from "vitest/config";
import { vitestConfig } from "@market/config/vitest";

export default defineConfig(
  vitestConfig("db", {
    globalSetup: ["./src/testing/vitest-global-setup.ts"],
    // Creating a database and applying the migrations takes about a second, more on a busy CI.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  }),
);
