import { defineConfig } from "vitest/config";
import { vitestConfig } from "@market/config/vitest";

export default defineConfig(
  vitestConfig("worker", { globalSetup: ["@market/db/vitest-global-setup"], testTimeout: 60_000, hookTimeout: 60_000 }),
);
