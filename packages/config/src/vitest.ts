// The Vitest settings every package shares. When the test pipeline sets VITEST_REPORTS_DIR,
// each package also writes a JSON report there, which the pipeline totals for its summary.
import path from "node:path";
import type { ViteUserConfig } from "vitest/config";

export function vitestConfig(packageName: string, overrides: NonNullable<ViteUserConfig["test"]> = {}): ViteUserConfig {
  const reportsDir = process.env.VITEST_REPORTS_DIR;
  return {
    test: {
      environment: "node",
      include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
      reporters: reportsDir ? ["default", "json"] : ["default"],
      ...(reportsDir ? { outputFile: { json: path.join(reportsDir, `${packageName.replace(/[^a-z0-9]+/gi, "-")}.json`) } } : {}),
      ...overrides,
    },
  };
}
