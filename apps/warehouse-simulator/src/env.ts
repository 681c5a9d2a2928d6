// The simulator's own variables. The shared ones (port, step delay, secret, webhook URL) come
// from warehouseConfig(), so the simulator and the apps read them the same way.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "@market/config/env";
import { z } from "zod";

const blankAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** The monorepo's root (three levels above apps/warehouse-simulator/src/env.ts). */
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export const simulatorEnvSchema = z.object({
  NODE_ENV: z.preprocess(blankAsUnset, z.string().default("development")),
  // Where tasks and their pending steps are kept across restarts (written atomically).
  WAREHOUSE_SIMULATOR_STATE_FILE: z.preprocess(blankAsUnset, z.string().default(path.join(repoRoot, ".data", "warehouse-simulator", "state.json"))),
  // 127.0.0.1 by default: the control API is unauthenticated. 0.0.0.0 in a container.
  WAREHOUSE_SIMULATOR_HOST: z.preprocess(blankAsUnset, z.string().default("127.0.0.1")),
  // The control API (/control, /pick-tasks) is on outside production; "1" turns it on there too
  // (the end-to-end tests run production builds and drive the simulator through it).
  WAREHOUSE_SIMULATOR_CONTROL: z.preprocess(blankAsUnset, z.enum(["0", "1"], { error: 'WAREHOUSE_SIMULATOR_CONTROL must be "0" or "1"' }).optional()),
});
export type SimulatorEnv = z.infer<typeof simulatorEnvSchema>;

export function simulatorEnv(source: Record<string, string | undefined> = process.env): SimulatorEnv & { controlEnabled: boolean } {
  const env = parseEnv(simulatorEnvSchema, source);
  const controlEnabled = env.WAREHOUSE_SIMULATOR_CONTROL ? env.WAREHOUSE_SIMULATOR_CONTROL === "1" : env.NODE_ENV !== "production";
  return { ...env, controlEnabled };
}
