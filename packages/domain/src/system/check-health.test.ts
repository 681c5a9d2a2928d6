import { getPrisma } from "@market/db";
import { describe, expect, it } from "vitest";
import { checkHealth } from "./check-health.ts";

describe("health", () => {
  it("reports the queue down until a worker has installed it, then up with its depth", async () => {
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
