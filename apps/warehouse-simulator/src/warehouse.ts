// The simulated warehouse: one pick task per Idempotency-Key, whose steps happen one
// `stepMs` after another and are reported to the storefront in order, each with its own
// stable eventId, retried with backoff until accepted. The steps ahead and the reports not yet
// accepted are part of the saved state, so a restart continues where it stopped. Only what is
// handed to `save` is written (the state store journals changes, not the whole state), so every
// change to a task or a cancel answer is followed by a save naming it.
import { randomInt, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { PickRequest, WarehouseEvent, WarehouseStatus } from "@market/domain/fulfilment/contract";
import { backoffMs, deliverEvent, type RetryPolicy } from "./delivery.ts";
import type { Log } from "./log.ts";
import type { CancelAnswer, PickTask, SimulatorState, TaskEvent } from "./state.ts";
import type { StateChanges } from "./state-store.ts";

export const PICK_STEPS = ["ACCEPTED", "PICKING", "PACKED", "SHIPPED", "DELIVERED"] as const satisfies readonly WarehouseStatus[];
/** Out-of-order mode reports these after the step that follows them (PACKED before PICKING, DELIVERED before SHIPPED). */
const HELD_BACK: ReadonlySet<WarehouseStatus> = new Set(["PICKING", "SHIPPED"]);
const LEFT_WAREHOUSE: ReadonlySet<WarehouseStatus> = new Set(["SHIPPED", "DELIVERED"]);
const CARRIES_TRACKING: ReadonlySet<WarehouseStatus> = new Set(["SHIPPED", "DELIVERED"]);

export type SimulatorMode = {
  /** Answer 503 to every request, as if the warehouse were down. */
  refuse: boolean;
  /** Send every event twice (same eventId). */
  duplicates: boolean;
  /** Report PACKED before PICKING and DELIVERED before SHIPPED (occurredAt stays true). */
  outOfOrder: boolean;
  stepMs: number;
};

export type WarehouseOptions = {
  /** Resolves once these changes, and all reported before, are on disk. */
  save: (changes: StateChanges) => Promise<void>;
  secret: string;
  webhookUrl: string;
  stepMs: number;
  retry: RetryPolicy;
  log: Log;
};

export type SubmitResult =
  | { kind: "created" | "duplicate"; task: PickTask; saved: Promise<void> }
  | { kind: "conflict"; task: PickTask };

export type Answer = { status: number; body: Record<string, unknown>; saved: Promise<void> };

export class Warehouse {
  readonly mode: SimulatorMode;
  /** Requests answered 503 in refuse mode since the start (not kept across restarts). */
  refusedRequests = 0;
  private readonly byKey = new Map<string, PickTask>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly pumps = new Map<string, Promise<void>>();
  /** Stops new work: timers, retries, the next report. */
  private readonly stopping = new AbortController();
  /** Cuts the reports still on their way (at the end of the shutdown grace period). */
  private readonly inFlight = new AbortController();

  constructor(
    private readonly state: SimulatorState,
    private readonly options: WarehouseOptions,
  ) {
    this.mode = { refuse: false, duplicates: false, outOfOrder: false, stepMs: options.stepMs };
    for (const task of state.tasks) this.byKey.set(task.idempotencyKey, task);
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  /** After a (re)start: schedule each task's next step and send what was not yet accepted. */
  resume(): void {
    const undated: PickTask[] = [];
    for (const task of this.state.tasks) {
      if (nextStep(task)?.dueAt === null) undated.push(task);
      this.schedule(task);
      this.pump(task);
    }
    // Their next step got its due time just now: kept, so another restart does not put it off.
    if (undated.length > 0) void this.persist(...undated);
  }

  /** Synchronous up to `saved`, so two concurrent requests with one key make one task. */
  submit(idempotencyKey: string, request: PickRequest): SubmitResult {
    const existing = this.byKey.get(idempotencyKey);
    if (existing) {
      if (existing.orderId !== request.orderId) return { kind: "conflict", task: existing };
      existing.receivedCount += 1;
      this.options.log("info", "pick request repeated", { pickTaskId: existing.pickTaskId, orderId: existing.orderId, idempotencyKey, receivedCount: existing.receivedCount });
      return { kind: "duplicate", task: existing, saved: this.options.save({ tasks: [existing] }) };
    }
    const sameOrder = this.state.tasks.filter((task) => task.orderId === request.orderId);
    if (sameOrder.length > 0) {
      // Allowed (one task per key is the contract), but it means the sender used a new key for
      // an order it had already sent: worth seeing in the log.
      this.options.log("warn", "second pick task for one order", { orderId: request.orderId, idempotencyKey, earlierKeys: sameOrder.map((task) => task.idempotencyKey) });
    }
    const task: PickTask = {
      pickTaskId: `pt_${randomUUID()}`,
      idempotencyKey,
      orderId: request.orderId,
      orderNumber: request.orderNumber,
      trackingNumber: `WB-SIM-${String(randomInt(0, 10 ** 10)).padStart(10, "0")}`,
      receivedCount: 1,
      createdAt: new Date().toISOString(),
      cancelledAt: null,
      request,
      events: PICK_STEPS.map((status) => newEvent(status)),
      outbox: [],
    };
    this.state.tasks.push(task);
    this.byKey.set(idempotencyKey, task);
    this.options.log("info", "pick task created", { pickTaskId: task.pickTaskId, orderId: task.orderId, orderNumber: task.orderNumber, idempotencyKey, lines: request.lines.length });
    this.schedule(task);
    return { kind: "created", task, saved: this.options.save({ tasks: [task] }) };
  }

  cancel(orderId: string, idempotencyKey: string): Answer {
    const previous = this.state.cancelRequests[idempotencyKey];
    if (previous) {
      if (previous.orderId === orderId) return { status: previous.status, body: previous.body, saved: Promise.resolve() };
      return answer(409, { error: "This Idempotency-Key was already used to cancel another order." }, Promise.resolve());
    }
    const tasks = this.state.tasks.filter((task) => task.orderId === orderId);
    if (tasks.length === 0) return answer(404, { error: `The warehouse has no pick task for order ${orderId}.` }, Promise.resolve());

    let result: CancelAnswer;
    const cancelled: PickTask[] = [];
    if (tasks.some((task) => task.events.some((event) => event.occurredAt && LEFT_WAREHOUSE.has(event.status)))) {
      result = { orderId, status: 409, body: { error: `Order ${orderId} has already left the warehouse and can no longer be cancelled.` } };
    } else {
      const alreadyCancelled = tasks.every((task) => task.cancelledAt);
      for (const task of tasks) {
        if (task.cancelledAt) continue;
        this.cancelTask(task);
        cancelled.push(task);
      }
      result = { orderId, status: 200, body: alreadyCancelled ? { cancelled: true, duplicate: true } : { cancelled: true } };
    }
    this.state.cancelRequests[idempotencyKey] = result;
    this.options.log("info", "cancel request answered", { orderId, idempotencyKey, status: result.status });
    return answer(result.status, result.body, this.options.save({ tasks: cancelled, cancelKeys: [idempotencyKey] }));
  }

  setMode(patch: Partial<SimulatorMode>): void {
    const stepMsChanged = patch.stepMs !== undefined && patch.stepMs !== this.mode.stepMs;
    Object.assign(this.mode, patch);
    this.options.log("info", "mode changed", { mode: this.mode });
    if (!stepMsChanged) return;
    // A shorter delay applies to the steps already waiting, so a demo can be sped up.
    const soonest = Date.now() + this.mode.stepMs;
    const broughtForward: PickTask[] = [];
    for (const task of this.state.tasks) {
      const next = nextStep(task);
      if (next?.dueAt && Date.parse(next.dueAt) > soonest) {
        next.dueAt = new Date(soonest).toISOString();
        this.schedule(task);
        broughtForward.push(task);
      }
    }
    if (broughtForward.length > 0) void this.persist(...broughtForward);
  }

  tasks(filter: { orderId?: string } = {}) {
    return this.state.tasks
      .filter((task) => !filter.orderId || task.orderId === filter.orderId)
      .map((task) => ({
        pickTaskId: task.pickTaskId,
        idempotencyKey: task.idempotencyKey,
        orderId: task.orderId,
        orderNumber: task.orderNumber,
        status: currentStatus(task),
        trackingNumber: task.trackingNumber,
        receivedCount: task.receivedCount,
        createdAt: task.createdAt,
        cancelledAt: task.cancelledAt,
        events: task.events
          .filter((event) => !event.skipped)
          .map((event) => ({
            eventId: event.eventId,
            status: event.status,
            occurredAt: event.occurredAt,
            dueAt: event.dueAt,
            sent: event.sent,
            copies: event.occurredAt ? event.copies : 0,
            delivery: deliveryState(task, event),
            ...(event.lastError ? { lastError: event.lastError } : {}),
            ...(event.failure ? { failure: event.failure } : {}),
          })),
      }));
  }

  counts() {
    const tasks = this.state.tasks;
    const events = tasks.flatMap((task) => task.events);
    return {
      tasks: tasks.length,
      inProgress: tasks.filter((task) => !task.cancelledAt && !isFinished(task)).length,
      delivered: tasks.filter((task) => !task.cancelledAt && isFinished(task)).length,
      cancelled: tasks.filter((task) => task.cancelledAt).length,
      pickRequestsReceived: tasks.reduce((sum, task) => sum + task.receivedCount, 0),
      refusedRequests: this.refusedRequests,
      eventsSent: events.reduce((sum, event) => sum + event.sent, 0),
      eventsWaiting: tasks.reduce((sum, task) => sum + task.outbox.length, 0) + events.filter((event) => event.held).length,
      eventsFailed: events.filter((event) => event.failure).length,
    };
  }

  /**
   * Stops the timers and the retries, lets a report already on its way get its answer (so it is
   * not sent again after a restart), and after `graceMs` cuts what is still in flight: that
   * report is sent again after a restart, with the same eventId.
   */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopping.abort();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    const pumps = Promise.allSettled([...this.pumps.values()]);
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([pumps, new Promise<void>((resolve) => (grace = setTimeout(resolve, graceMs)))]);
    clearTimeout(grace);
    this.inFlight.abort();
    await pumps;
  }

  private persist(...tasks: PickTask[]): Promise<void> {
    return this.options.save({ tasks }).catch((error: unknown) => {
      this.options.log("error", "could not save the state file", { error: String(error) });
    });
  }

  private schedule(task: PickTask): void {
    clearTimeout(this.timers.get(task.pickTaskId));
    this.timers.delete(task.pickTaskId);
    const next = nextStep(task);
    if (!next || this.stopped) return;
    // Only the next step has a due time: after a long stop the steps resume one delay apart
    // rather than all at once.
    next.dueAt ??= new Date(Date.now() + this.mode.stepMs).toISOString();
    const timer = setTimeout(
      () => {
        this.timers.delete(task.pickTaskId);
        this.happen(task, next);
        this.schedule(task);
        void this.persist(task);
        this.pump(task);
      },
      Math.max(0, Date.parse(next.dueAt) - Date.now()),
    );
    this.timers.set(task.pickTaskId, timer);
  }

  private happen(task: PickTask, event: TaskEvent): void {
    event.occurredAt = new Date().toISOString();
    event.dueAt = null;
    event.copies = this.mode.duplicates ? 2 : 1;
    const more = task.events.some((other) => other !== event && other.occurredAt === null && !other.skipped);
    if (this.mode.outOfOrder && HELD_BACK.has(event.status) && more) {
      event.held = true;
      this.options.log("info", "step done, report held back (out-of-order mode)", { pickTaskId: task.pickTaskId, orderId: task.orderId, status: event.status });
      return;
    }
    task.outbox.push(event.eventId);
    for (const held of task.events) {
      if (!held.held) continue;
      held.held = false;
      task.outbox.push(held.eventId);
    }
    this.options.log("info", "step done", { pickTaskId: task.pickTaskId, orderId: task.orderId, status: event.status, eventId: event.eventId });
  }

  private cancelTask(task: PickTask): void {
    clearTimeout(this.timers.get(task.pickTaskId));
    this.timers.delete(task.pickTaskId);
    for (const event of task.events) {
      if (event.occurredAt !== null || event.skipped) continue;
      event.skipped = true;
      event.dueAt = null;
    }
    const cancelled = newEvent("CANCELLED");
    task.events.push(cancelled);
    task.cancelledAt = new Date().toISOString();
    this.happen(task, cancelled);
    this.pump(task);
  }

  /** Sends the task's waiting reports one after another, so they arrive in reporting order. */
  private pump(task: PickTask): void {
    if (this.pumps.has(task.pickTaskId) || this.stopped || task.outbox.length === 0) return;
    const run = this.drain(task).finally(() => {
      this.pumps.delete(task.pickTaskId);
      this.pump(task);
    });
    this.pumps.set(task.pickTaskId, run);
  }

  private async drain(task: PickTask): Promise<void> {
    const { log, retry } = this.options;
    while (!this.stopped && task.outbox.length > 0) {
      const event = task.events.find((candidate) => candidate.eventId === task.outbox[0]);
      if (!event?.occurredAt) {
        task.outbox.shift();
        continue;
      }
      const outcome = await deliverEvent(this.options.webhookUrl, this.payload(task, event), this.options.secret, { signal: this.inFlight.signal });
      if (this.stopped && outcome.kind === "retry") return; // interrupted by the shutdown, not a failure
      event.attempts += 1;
      const fields = { pickTaskId: task.pickTaskId, orderId: task.orderId, status: event.status, eventId: event.eventId, attempt: event.attempts };
      if (outcome.kind === "delivered") {
        event.sent += 1;
        event.failures = 0;
        event.lastError = null;
        if (event.sent >= event.copies) {
          event.deliveredAt = new Date().toISOString();
          task.outbox.shift();
        }
        log("info", "event delivered", { ...fields, copy: event.sent, httpStatus: outcome.status });
      } else if (outcome.kind === "rejected") {
        event.failure = outcome.detail;
        task.outbox.shift();
        log("warn", "event rejected by the storefront; not retrying", { ...fields, detail: outcome.detail });
      } else {
        event.failures += 1;
        event.lastError = outcome.detail;
        if (event.failures >= retry.maxAttempts) {
          event.failure = `gave up after ${event.failures} failed attempts: ${outcome.detail}`;
          task.outbox.shift();
          log("error", "event delivery given up", { ...fields, detail: outcome.detail });
        } else {
          const waitMs = backoffMs(event.failures, retry, outcome.retryAfterMs);
          log("warn", "event delivery failed; will retry", { ...fields, detail: outcome.detail, retryInMs: waitMs });
          void this.persist(task);
          await sleep(waitMs, undefined, { signal: this.stopping.signal }).catch(() => undefined);
          continue;
        }
      }
      void this.persist(task);
    }
  }

  private payload(task: PickTask, event: TaskEvent): WarehouseEvent {
    return {
      eventId: event.eventId,
      orderId: task.orderId,
      status: event.status,
      occurredAt: event.occurredAt!,
      ...(CARRIES_TRACKING.has(event.status) ? { trackingNumber: task.trackingNumber } : {}),
    };
  }
}

function newEvent(status: WarehouseStatus): TaskEvent {
  return {
    eventId: `whe_${randomUUID()}`,
    status,
    occurredAt: null,
    dueAt: null,
    skipped: false,
    held: false,
    copies: 1,
    sent: 0,
    attempts: 0,
    failures: 0,
    deliveredAt: null,
    failure: null,
    lastError: null,
  };
}

function answer(status: number, body: Record<string, unknown>, saved: Promise<void>): Answer {
  return { status, body, saved };
}

const nextStep = (task: PickTask): TaskEvent | undefined => task.events.find((event) => event.occurredAt === null && !event.skipped);

const isFinished = (task: PickTask): boolean => nextStep(task) === undefined;

/** The last step that happened (in the order they happen), or RECEIVED before the first. */
function currentStatus(task: PickTask): WarehouseStatus | "RECEIVED" {
  const done = task.events.filter((event) => event.occurredAt !== null);
  return done.at(-1)?.status ?? "RECEIVED";
}

function deliveryState(task: PickTask, event: TaskEvent): "ahead" | "held" | "waiting" | "delivered" | "failed" {
  if (!event.occurredAt) return "ahead";
  if (event.failure) return "failed";
  if (event.held) return "held";
  if (task.outbox.includes(event.eventId)) return "waiting";
  return "delivered";
}
