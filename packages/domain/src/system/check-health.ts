import { pingDatabase } from "@market/db";

export type ComponentHealth = { status: "up" | "down"; latencyMs: number };
export type Health = { status: "ok" | "degraded"; checkedAt: string; components: Record<string, ComponentHealth> };

/** Health of what the apps depend on. The queue and search join as they are built. */
export async function checkHealth(): Promise<Health> {
  // The failure reason is not shown: the health endpoint is public.
  const ping = await pingDatabase({ timeoutMs: 2_000 });
  const components: Record<string, ComponentHealth> = {
    database: { status: ping.ok ? "up" : "down", latencyMs: ping.latencyMs },
  };
  const healthy = Object.values(components).every((c) => c.status === "up");
  return { status: healthy ? "ok" : "degraded", checkedAt: new Date().toISOString(), components };
}
