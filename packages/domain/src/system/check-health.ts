import { pingDatabase } from "@market/db";
import { getSearchEngine } from "../search/get-search-engine.ts";
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

/** The search engine's own check; Algolia is checked even while the database is down. */
async function searchHealth(databaseUp: boolean): Promise<ComponentHealth> {
  let engine;
  try {
    engine = getSearchEngine();
  } catch {
    // A bad ALGOLIA_* configuration (the apps refuse to start with one, so this is rare).
    return { status: "down", latencyMs: 0 };
  }
  const details = { engine: engine.name };
  if (engine.name === "postgres" && !databaseUp) return { status: "down", latencyMs: 0, details };
  const health = await timed(async () => {
    if (!(await engine.health())) throw new Error("search engine reports itself down");
  });
  return { ...health, details };
}

/**
 * Health of what the apps depend on: the database, the job queue (in the same PostgreSQL) and
 * search (PostgreSQL full-text by default, Algolia when configured).
 */
export async function checkHealth(): Promise<Health> {
  const ping = await pingDatabase({ timeoutMs: 2_000 });
  const database: ComponentHealth = { status: ping.ok ? "up" : "down", latencyMs: ping.latencyMs };
  const [queue, search] = await Promise.all([
    ping.ok
      ? timed(queueStats, (q: QueueStats) => ({ ready: q.ready, failing: q.failing, oldestReadyAgeSeconds: q.oldestReadyAgeSeconds }))
      : Promise.resolve<ComponentHealth>({ status: "down", latencyMs: 0 }),
    searchHealth(ping.ok),
  ]);
  const components = { database, queue, search };
  const healthy = Object.values(components).every((c) => c.status === "up");
  return { status: healthy ? "ok" : "degraded", checkedAt: new Date().toISOString(), components };
}
