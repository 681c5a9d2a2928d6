import { pingDatabase } from "@market/db";
import { queueStats, type QueueStats } from "./queue-stats.ts";

export type ComponentHealth = { status: "up" | "down"; latencyMs: number; details?: Record<string, unknown> };
export type Health = { status: "ok" | "degraded"; checkedAt: string; components: Record<string, ComponentHealth> };

async function timed<T>(check: () => Promise<T>, details?: (result: T) => Record<string, unknown>): Promise<ComponentHealth> {
  const started = performance.now();
  try {
    const result = await check();
    return { status: "up", latencyMs: Math.round(performance.now() - started), ...(details ? { details: details(result) } : {}) };
  } catch {
    // The reason goes nowhere public: the health endpoint is open to anyone.
    return { status: "down", latencyMs: Math.round(performance.now() - started) };
  }
}

/**
 * Health of what the apps depend on: the database, the job queue (in the same PostgreSQL) and
 * search (PostgreSQL full-text by default; Algolia joins with the search work).
 */
export async function checkHealth(): Promise<Health> {
  const ping = await pingDatabase({ timeoutMs: 2_000 });
  const database: ComponentHealth = { status: ping.ok ? "up" : "down", latencyMs: ping.latencyMs };
  const queue = ping.ok
    ? await timed(queueStats, (q: QueueStats) => ({ ready: q.ready, failing: q.failing, oldestReadyAgeSeconds: q.oldestReadyAgeSeconds }))
    : { status: "down" as const, latencyMs: 0 };
  const search: ComponentHealth = { ...database, details: { engine: "postgres" } };
  const components = { database, queue, search };
  const healthy = Object.values(components).every((c) => c.status === "up");
  return { status: healthy ? "ok" : "degraded", checkedAt: new Date().toISOString(), components };
}
