// The worker killed outright (SIGKILL: no chance to release its job) while a pick request is in
// flight, after the warehouse has already created the pick task but before the worker learnt so.
// A second worker releases the dead one's job (heartbeat.ts), sends the request again with the
// same Idempotency-Key, and the warehouse answers with the task it already has: nothing lost,
// nothing done twice.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { disconnectPrisma, getPrisma } from "@market/db";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { createPaidOrder, startFakeWarehouse, type FakeWarehouse } from "@market/domain/fulfilment/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let database: FreshDatabase;
let warehouse: FakeWarehouse;
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = await createFreshDatabase({ label: "worker_crash" });
  const { migrateJobQueue } = await import("@market/db/job-queue");
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
  warehouse = await startFakeWarehouse();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await warehouse?.close();
  await disconnectPrisma();
  await database?.drop();
});

/** The worker's real entry point, as a deployment runs it. */
function startWorkerProcess(): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: path.join(import.meta.dirname, ".."),
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: database.url,
      WAREHOUSE_URL: warehouse.url,
      WAREHOUSE_WEBHOOK_SECRET: process.env.WAREHOUSE_WEBHOOK_SECRET,
      AUTH_SECRET: "worker-crash-test-auth-secret-0123456789",
      WORKER_CONCURRENCY: "1",
      WORKER_STALE_AFTER_SECONDS: "2",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  children.push(child);
  return { child, output: () => output };
}

describe("the worker killed mid-delivery", () => {
  it("is replaced by one that finishes the delivery: one pick task per part, one notification", { timeout: 90_000 }, async () => {
    const order = await createPaidOrder({ parts: [{}, {}] });
    const prisma = getPrisma();

    // The first pick request reaches the warehouse, which creates the task and then hangs
    // until the worker that sent it is dead.
    let arrived!: () => void;
    const firstArrived = new Promise<void>((resolve) => (arrived = resolve));
    let releaseFirst!: () => void;
    const firstReleased = new Promise<void>((resolve) => (releaseFirst = resolve));
    warehouse.onPick = async () => {
      warehouse.onPick = null;
      arrived();
      await firstReleased;
    };

    const first = startWorkerProcess();
    await firstArrived;
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));
    releaseFirst();

    const second = startWorkerProcess();
    await expect
      .poll(async () => prisma.shipment.count({ where: { part: { orderId: order.orderId }, requestedAt: { not: null } } }), { timeout: 60_000, interval: 250 })
      .toBe(2);

    expect(warehouse.tasks.filter((task) => order.parts.some((part) => task.request.orderId === part.id))).toHaveLength(2);
    // The interrupted request really was sent again, with the same key.
    const keys = warehouse.pickRequests.map((request) => request.key);
    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect(new Set(keys).size).toBe(2);
    expect(second.output()).toContain("released the jobs of workers that stopped without shutting down");
    await expect.poll(() => prisma.notification.count({ where: { userId: order.userId, type: "order.paid" } }), { timeout: 20_000 }).toBe(1);
    expect(await prisma.outboxEvent.count({ where: { aggregateId: order.orderId, type: "OrderPaid", status: "PROCESSED" } })).toBe(1);

    const exited = new Promise<number | null>((resolve) => second.child.once("exit", (code) => resolve(code)));
    second.child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
