// The worker's part of observability: its health and metrics server (with the job queue read at
// scrape time), and JSON log lines that carry the request id of the request that queued the work.
import { Writable } from "node:stream";
import { disconnectPrisma, getPrisma } from "@market/db";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { createDeliverOutboxEventTask } from "@market/domain/outbox";
import { createLogger } from "@market/observability/log";
import { QUEUE_SQL, registerQueueMetrics, type QueueRow } from "@market/observability/queue-metrics";
import type { JobHelpers } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphileLogger, logJsonLine } from "./logger.ts";
import { startOpsServer } from "./ops-server.ts";

let database: FreshDatabase;
beforeAll(async () => {
  database = await createFreshDatabase({ label: "worker_observability" });
  const { migrateJobQueue } = await import("@market/db/job-queue");
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
});
afterAll(async () => {
  await disconnectPrisma();
  await database?.drop();
});

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger("worker", { destination }) };
}

describe("the worker's health and metrics server", () => {
  it("is healthy while running, 503 once stopping, and guards its metrics with METRICS_TOKEN", async () => {
    let status: "starting" | "running" | "stopping" = "running";
    const ops = await startOpsServer({ port: 0, host: "127.0.0.1", state: () => ({ status, concurrency: 4 }) });
    const base = `http://127.0.0.1:${ops.port}`;
    process.env.METRICS_TOKEN = "worker-metrics-token-0001";
    try {
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok", runner: "running", concurrency: 4 });

      expect((await fetch(`${base}/api/metrics`)).status).toBe(401);
      expect((await fetch(`${base}/api/metrics`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);

      // Two jobs ready now, one for later, one out of attempts: the queue as Prometheus sees it.
      const prisma = getPrisma();
      await prisma.$executeRawUnsafe(`SELECT graphile_worker.add_job('probe.task', '{}'::json, run_at => now() - interval '90 seconds')`);
      await prisma.$executeRawUnsafe(`SELECT graphile_worker.add_job('probe.task', '{}'::json)`);
      await prisma.$executeRawUnsafe(`SELECT graphile_worker.add_job('probe.later', '{}'::json, run_at => now() + interval '1 hour')`);
      await prisma.$executeRawUnsafe(`SELECT graphile_worker.add_job('probe.failed', '{}'::json, max_attempts => 1)`);
      await prisma.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs j SET attempts = 1 FROM graphile_worker._private_tasks t WHERE t.id = j.task_id AND t.identifier = 'probe.failed'`);
      registerQueueMetrics(() => prisma.$queryRawUnsafe<QueueRow[]>(QUEUE_SQL));

      const metrics = await fetch(`${base}/api/metrics`, { headers: { authorization: "Bearer worker-metrics-token-0001" } });
      expect(metrics.status).toBe(200);
      const text = await metrics.text();
      expect(text).toMatch(/^market_job_queue_depth\{task="probe\.task",state="ready"\} 2$/m);
      expect(text).toMatch(/^market_job_queue_depth\{task="probe\.later",state="ready"\} 0$/m);
      expect(text).toMatch(/^market_job_queue_depth\{task="probe\.failed",state="failed"\} 1$/m);
      const age = Number(/^market_job_queue_oldest_ready_age_seconds\{task="probe\.task"\} ([\d.]+)$/m.exec(text)?.[1]);
      expect(age).toBeGreaterThanOrEqual(89);
      expect(age).toBeLessThan(600);
      expect(text).toMatch(/^market_job_queue_depth\{task="all",state="ready"\} 2$/m);
      expect(text).toMatch(/^market_job_queue_depth\{task="all",state="failed"\} 1$/m);
      expect(Number(/^market_job_queue_oldest_ready_age_seconds\{task="all"\} ([\d.]+)$/m.exec(text)?.[1])).toBe(age);

      status = "stopping";
      expect((await fetch(`${base}/api/health`)).status).toBe(503);
    } finally {
      delete process.env.METRICS_TOKEN;
      await ops.close();
    }
  });
});

describe("the worker's logs", () => {
  it("carry the request id of the request that wrote the outbox event into the delivery's lines", async () => {
    const prisma = getPrisma();
    const event = await prisma.outboxEvent.create({
      data: { type: "Probe.Observed", aggregateType: "Probe", aggregateId: "p1", payload: {}, requestId: "req-checkout-12345678" },
    });
    const { lines, logger } = capture();
    const task = createDeliverOutboxEventTask({});
    const helpers = { logger: graphileLogger(logger).scope({ taskIdentifier: "outbox.deliver", jobId: "42" }) } as unknown as JobHelpers;
    await task({ eventId: event.id }, helpers);

    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(line).toMatchObject({ service: "worker", level: "info", taskIdentifier: "outbox.deliver", jobId: "42", eventId: event.id, requestId: "req-checkout-12345678" });
    }
    expect(lines.at(-1)).toMatchObject({ result: "delivered" });
  });

  it("turn finished JSON lines (the heartbeat's) into pino lines", () => {
    const { lines, logger } = capture();
    logJsonLine(JSON.stringify({ level: "warn", msg: "heartbeat failed", error: "boom" }), logger);
    logJsonLine("not json", logger);
    expect(lines).toMatchObject([
      { level: "warn", msg: "heartbeat failed", error: "boom", service: "worker" },
      { level: "info", msg: "not json" },
    ]);
  });
});
