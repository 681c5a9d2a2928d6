import { defineConfig } from "vitest/config";
import { vitestConfig } from "@market/config/vitest";

// No database: each test starts the simulator in-process with a stand-in webhook receiver.
export default defineConfig(vitestConfig("warehouse-simulator", { testTimeout: 20_000 }));
