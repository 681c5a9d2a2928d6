import { getPrisma } from "@market/db";
import { beforeEach, describe, expect, it } from "vitest";
import { jobCounts, listJobs, retryJob } from "./jobs.ts";

const add = (task: string, maxAttempts = 25) =>
  getPrisma().$queryRaw<{ id: bigint }[]>`SELECT id FROM graphile_worker.add_job(${task}, '{}'::json, max_attempts => ${maxAttempts})`;

beforeEach(async () => {
  await getPrisma().$executeRaw`DELETE FROM graphile_worker._private_jobs`;
});

describe("the job queue for operators", () => {
  it("tells queued, failing and dead jobs apart, with their errors, and runs a dead one again", async () => {
    await add("outbox.deliver");
    const [failing] = await add("outbox.deliver");
    const [dead] = await add("payments.reconcile", 3);
    await getPrisma().$executeRaw`UPDATE graphile_worker._private_jobs SET attempts = 1, last_error = ${"Error: warehouse unreachable\n    at deliver (x.ts:1)\n    at y\n    at z"}, run_at = now() + interval '1 minute' WHERE id = ${failing!.id}`;
    await getPrisma().$executeRaw`UPDATE graphile_worker._private_jobs SET attempts = 3, last_error = 'Error: card network down' WHERE id = ${dead!.id}`;

    expect(await jobCounts()).toEqual({
      queued: 1,
      running: 0,
      failing: 1,
      dead: 1,
      byTask: [
        { task: "outbox.deliver", queued: 1, running: 0, failing: 1, dead: 0 },
        { task: "payments.reconcile", queued: 0, running: 0, failing: 0, dead: 1 },
      ],
    });
    expect(await listJobs({ state: "failing" })).toEqual([
      expect.objectContaining({ id: failing!.id.toString(), task: "outbox.deliver", attempts: 1, lastError: "Error: warehouse unreachable\n    at deliver (x.ts:1)\n    at y" }),
    ]);
    expect(await listJobs({ state: "dead" })).toEqual([expect.objectContaining({ id: dead!.id.toString(), attempts: 3, maxAttempts: 3 })]);

    await retryJob({ id: dead!.id.toString() });
    expect(await listJobs({ state: "dead" })).toEqual([]);
    expect(await listJobs({ state: "failing" })).toContainEqual(expect.objectContaining({ id: dead!.id.toString(), attempts: 0 }));
    await expect(retryJob({ id: "999999" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(retryJob({ id: "1; DROP TABLE x" })).rejects.toThrow();
  });
});
