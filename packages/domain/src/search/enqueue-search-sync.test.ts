import { getPrisma } from "@market/db";
import { Logger, runOnce } from "graphile-worker";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enqueueSearchSync, SYNC_PRODUCTS_TASK } from "./enqueue-search-sync.ts";
import { insertSearchFixture, type SearchFixture } from "./insert-search-fixture.ts";
import { createPostgresEngine } from "./postgres/create-postgres-engine.ts";
import { createSyncProductsTask } from "./sync-products-task.ts";

let fixture: SearchFixture;
const ids = <const K extends string[]>(...keys: K) => keys.map((key) => fixture.productIds[key]!) as { [I in keyof K]: string };

beforeAll(async () => {
  // What `pnpm db:migrate` installs next to our migrations.
  const { migrateJobQueue } = await import("@market/db/job-queue");
  await migrateJobQueue(process.env.DATABASE_URL!);
  fixture = await insertSearchFixture();
});

beforeEach(async () => {
  await getPrisma().$executeRaw`DELETE FROM graphile_worker._private_jobs`;
});

type Job = { task_identifier: string; payload: string[]; key: string | null; run_at: Date };
// The public jobs view leaves the payload out; the table behind it has it.
const jobs = () =>
  getPrisma().$queryRaw<Job[]>`
    SELECT t.identifier AS task_identifier, j.payload, j.key, j.run_at
      FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     ORDER BY j.id`;

describe("enqueueSearchSync", () => {
  it("queues nothing when the catalogue change rolls back", async () => {
    const id = fixture.productIds.lamp!;
    await expect(
      getPrisma().$transaction(async (tx) => {
        await tx.product.update({ where: { id }, data: { title: "Renamed Lamp" } });
        await enqueueSearchSync(tx, [id]);
        throw new Error("the change fails after queueing");
      }),
    ).rejects.toThrow("the change fails");
    expect(await jobs()).toEqual([]);
  });

  it("queues one job with the change when it commits, and later changes join that job", async () => {
    const [lamp, gown, cardigan] = ids("lamp", "gown", "cardigan");
    await getPrisma().$transaction(async (tx) => {
      await tx.product.update({ where: { id: lamp }, data: { popularity: 101 } });
      await enqueueSearchSync(tx, [lamp, gown, lamp]);
    });
    const [first] = await jobs();
    expect(await jobs()).toHaveLength(1);
    expect(first).toMatchObject({ task_identifier: SYNC_PRODUCTS_TASK, payload: [lamp, gown], key: SYNC_PRODUCTS_TASK });

    await getPrisma().$transaction((tx) => enqueueSearchSync(tx, [cardigan]));
    const after = await jobs();
    expect(after).toHaveLength(1);
    expect(after[0]!.payload).toEqual([lamp, gown, cardigan]);
    // The first change's run time stands: a stream of edits cannot postpone indexing forever.
    expect(after[0]!.run_at).toEqual(first!.run_at);
  });

  it("is indexed by the worker's search.sync-products task", async () => {
    const [lamp, cardigan] = ids("lamp", "cardigan");
    const engine = createPostgresEngine();
    await getPrisma().$transaction((tx) => enqueueSearchSync(tx, [lamp, cardigan]));
    // The job waits a second to gather a burst of changes.
    await getPrisma().$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;
    await runOnce({ connectionString: process.env.DATABASE_URL!, taskList: { [SYNC_PRODUCTS_TASK]: createSyncProductsTask(() => engine) }, logger: new Logger(() => () => undefined) });
    expect(await jobs()).toEqual([]);
    const entries = await getPrisma().productSearchEntry.findMany({ select: { productId: true }, orderBy: { productId: "asc" } });
    expect(entries.map((e) => e.productId).sort()).toEqual([lamp, cardigan].sort());
  });
});
