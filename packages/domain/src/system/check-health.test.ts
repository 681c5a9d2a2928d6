import { getPrisma } from "@market/db";
import { describe, expect, it } from "vitest";
import { checkHealth } from "./check-health.ts";

describe("health", () => {
  it("reports the queue down while its tables are missing, then up with its depth", async () => {
    // Test databases come with the queue installed; take it away to see the health check notice.
    await getPrisma().$executeRaw`DROP SCHEMA graphile_worker CASCADE`;
    const before = await checkHealth();
    expect(before.components.database!.status).toBe("up");
    expect(before.components.queue!.status).toBe("down");
    expect(before.status).toBe("degraded");

    // What `pnpm db:migrate` (or a worker's first start) installs.
    const { migrateJobQueue } = await import("@market/db/job-queue");
    await migrateJobQueue(process.env.DATABASE_URL!);
    await getPrisma().$executeRaw`SELECT graphile_worker.add_job('test.noop', '{}'::json)`;

    const after = await checkHealth();
    expect(after.status).toBe("ok");
    expect(after.components.queue).toMatchObject({ status: "up", details: { ready: 1, failing: 0 } });
  });
});

describe("health of search", () => {
  it("reports the engine in use and whether it answers", async () => {
    const { setSearchEngine } = await import("../search/get-search-engine.ts");
    const { createPostgresEngine } = await import("../search/postgres/create-postgres-engine.ts");
    const healthy = await checkHealth();
    expect(healthy.components.search).toMatchObject({ status: "up", details: { engine: "postgres" } });

    setSearchEngine({ ...createPostgresEngine(), health: async () => false });
    try {
      const down = await checkHealth();
      expect(down.components.search).toMatchObject({ status: "down", details: { engine: "postgres" } });
      expect(down.status).toBe("degraded");
    } finally {
      setSearchEngine(undefined);
    }
  });
});
