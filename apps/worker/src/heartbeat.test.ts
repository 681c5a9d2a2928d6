import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, stopWorker } from "./worker.ts";

let database: FreshDatabase;
let client: pg.Client;
beforeAll(async () => {
  database = await createFreshDatabase({ label: "heartbeat" });
  const { migrateJobQueue } = await import("@market/db/job-queue");
  await migrateJobQueue(database.url);
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await database?.drop();
});

/** A job as a worker leaves it when it is killed mid-job: locked, never released. */
async function lockedJob(task: string, lockedBy: string, secondsAgo: number): Promise<string> {
  const { rows } = await client.query<{ id: string }>("SELECT id FROM graphile_worker.add_job($1, '{}'::json)", [task]);
  await client.query(`UPDATE graphile_worker._private_jobs SET locked_by = $2, locked_at = now() - $3::interval WHERE id = $1`, [rows[0]!.id, lockedBy, `${secondsAgo} seconds`]);
  return rows[0]!.id;
}

describe("worker heartbeat", () => {
  it("runs again the job of a worker that died holding it, and leaves a live worker's job alone", async () => {
    await lockedJob("test.orphaned", "worker-killed", 10);
    const aliveJob = await lockedJob("test.long-running", "worker-alive", 10);
    await client.query(`INSERT INTO "WorkerHeartbeat" ("workerId", hostname, pid) VALUES ('worker-alive', 'elsewhere', 1)`);
    // The live worker keeps beating (on another machine) for as long as the test runs.
    const beating = setInterval(() => void client.query(`UPDATE "WorkerHeartbeat" SET "lastSeenAt" = now() WHERE "workerId" = 'worker-alive'`), 300);

    let ran = 0;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const worker = await startWorker({
      connectionString: database.url,
      concurrency: 1,
      staleAfterSeconds: 2,
      taskList: {
        "test.orphaned": async () => {
          ran += 1;
          done();
        },
        "test.long-running": async () => {
          throw new Error("a live worker's job must not be taken from it");
        },
      },
      log: () => undefined,
    });
    try {
      await finished;
      expect(ran).toBe(1);
      const { rows } = await client.query(`SELECT locked_by FROM graphile_worker._private_jobs WHERE id = $1`, [aliveJob]);
      expect(rows[0]?.locked_by).toBe("worker-alive");
      const beats = await client.query(`SELECT count(*)::int AS n FROM "WorkerHeartbeat" WHERE "workerId" <> 'worker-alive'`);
      expect(beats.rows[0].n).toBeGreaterThan(0);
    } finally {
      clearInterval(beating);
      await stopWorker(worker, () => undefined);
    }
    const after = await client.query(`SELECT count(*)::int AS n FROM "WorkerHeartbeat" WHERE "workerId" <> 'worker-alive'`);
    expect(after.rows[0].n).toBe(0);
  });
});
