import { defineConfig } from "vitest/config";
import { vitestConfig } from "./src/vitest.ts";

export default defineConfig(vitestConfig("config"));
