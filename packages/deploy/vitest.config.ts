import { defineConfig } from "vitest/config";
import { vitestConfig } from "@market/config/vitest";

export default defineConfig(vitestConfig("deploy"));
