// Which warehouse the process talks to, read from the environment at call time (tests and
// deployments change it there): the warehouse system at WAREHOUSE_URL, or the simulator.
import { createHmac } from "node:crypto";
import { warehouseEnv } from "@market/config/env";

export type WarehouseConfig = {
  mode: "warehouse" | "simulator";
  /** Base URL of the warehouse API: pick requests go to `<url>/pick-requests`. */
  url: string;
  /** Signs pick requests and verifies the warehouse's webhooks. */
  secret: string;
  /** Where the warehouse (or the simulator) reports status changes. */
  webhookUrl: string;
  simulatorPort: number;
  simulatorStepMs: number;
};

export function warehouseConfig(source: Record<string, string | undefined> = process.env): WarehouseConfig {
  const env = warehouseEnv(source);
  const common = {
    webhookUrl: `${env.STOREFRONT_URL.replace(/\/+$/, "")}/api/webhooks/warehouse`,
    simulatorPort: env.WAREHOUSE_SIMULATOR_PORT,
    simulatorStepMs: env.WAREHOUSE_SIMULATOR_STEP_MS,
  };
  if (env.WAREHOUSE_URL) {
    return { ...common, mode: "warehouse", url: env.WAREHOUSE_URL.replace(/\/+$/, ""), secret: env.WAREHOUSE_WEBHOOK_SECRET! };
  }
  return {
    ...common,
    mode: "simulator",
    url: `http://127.0.0.1:${env.WAREHOUSE_SIMULATOR_PORT}`,
    // Derived, not written in code: every process of one installation agrees on it, no two share it.
    secret: env.WAREHOUSE_WEBHOOK_SECRET ?? createHmac("sha256", env.AUTH_SECRET!).update("warehouse-simulator:secret").digest("base64url"),
  };
}
