import { randomUUID } from "node:crypto";
import { getPrisma } from "@market/db";
import { Logger, runOnce } from "graphile-worker";
import { beforeEach, describe, expect, it } from "vitest";
import { createDeliverOutboxEventTask, deliverOutboxEvent, DELIVER_OUTBOX_EVENT_TASK, writeOutboxEvent, type OutboxEvent, type OutboxHandlers } from "./index.ts";

const quiet = new Logger(() => () => undefined);
const orderPaid = (orderId = randomUUID()) => ({
  type: "OrderPaid" as const,
  aggregateType: "Order",
  aggregateId: orderId,
  payload: { orderId, number: "M-TEST-1", paymentId: randomUUID() },
  requestId: "req-1",
});
const jobs = () =>
  getPrisma().$queryRaw<{ key: string | null; attempts: number; last_error: string | null }[]>`
    SELECT key, attempts, last_error FROM graphile_worker._private_jobs ORDER BY id`;
const work = (handlers: OutboxHandlers) =>
  runOnce({ connectionString: process.env.DATABASE_URL!, taskList: { [DELIVER_OUTBOX_EVENT_TASK]: createDeliverOutboxEventTask(handlers) }, logger: quiet });

beforeEach(async () => {
  await getPrisma().$executeRaw`DELETE FROM graphile_worker._private_jobs`;
  await getPrisma().outboxEvent.deleteMany();
});

describe("the outbox", () => {
  it("writes nothing when the change rolls back, and the event with its delivery job when it commits", async () => {
    await expect(
      getPrisma().$transaction(async (tx) => {
        await writeOutboxEvent(tx, orderPaid());
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    expect(await getPrisma().outboxEvent.count()).toBe(0);
    expect(await jobs()).toEqual([]);

    const id = await getPrisma().$transaction((tx) => writeOutboxEvent(tx, orderPaid()));
    expect(await getPrisma().outboxEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({ type: "OrderPaid", status: "PENDING", requestId: "req-1" });
    expect(await jobs()).toEqual([{ key: `outbox:${id}`, attempts: 0, last_error: null }]);
  });

  it("refuses a payload that does not match its type", async () => {
    await expect(
      writeOutboxEvent(getPrisma(), { type: "OrderPaid", aggregateType: "Order", aggregateId: "x", payload: { orderId: "not-a-uuid" } as never }),
    ).rejects.toThrow();
    expect(await getPrisma().outboxEvent.count()).toBe(0);
  });

  it("delivers each event to its consumers once and marks it processed", async () => {
    const seen: OutboxEvent[] = [];
    const handlers: OutboxHandlers = { OrderPaid: [{ name: "test.record", handle: async (event) => void seen.push(event) }] };
    const event = orderPaid();
    const id = await writeOutboxEvent(getPrisma(), event);
    await work(handlers);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id, type: "OrderPaid", payload: event.payload, requestId: "req-1" });
    expect(await getPrisma().outboxEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PROCESSED", attempts: 1 });
    expect(await jobs()).toEqual([]);
    // A second delivery of the same event (a duplicate job) does nothing.
    expect(await deliverOutboxEvent(id, handlers)).toBe("already-delivered");
    expect(seen).toHaveLength(1);
  });

  it("keeps a failing event pending with its error, and retries it until the consumer succeeds", async () => {
    let failures = 1;
    const handled: string[] = [];
    const handlers: OutboxHandlers = {
      OrderPaid: [
        {
          name: "test.flaky",
          handle: async (event) => {
            if (failures-- > 0) throw new Error("warehouse unreachable");
            handled.push(event.id);
          },
        },
      ],
    };
    const id = await writeOutboxEvent(getPrisma(), orderPaid());
    await work(handlers);
    expect(await getPrisma().outboxEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastError: "test.flaky: warehouse unreachable",
    });
    const [job] = await jobs();
    expect(job).toMatchObject({ attempts: 1, last_error: expect.stringContaining("warehouse unreachable") });
    // Backoff: the retry is scheduled in the future; run it now.
    await getPrisma().$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;
    await work(handlers);
    expect(handled).toEqual([id]);
    expect(await getPrisma().outboxEvent.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PROCESSED", lastError: null });
  });
});
