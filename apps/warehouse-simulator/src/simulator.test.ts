import { randomUUID } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { isDeepStrictEqual } from "node:util";
import {
  signWarehousePayload,
  verifyWarehouseSignature,
  warehouseConfig,
  warehouseEventSchema,
  type PickRequest,
  type WarehouseEvent,
} from "@market/domain/fulfilment/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLog } from "./log.ts";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "./server.ts";
import type { StateChanges } from "./state-store.ts";
import { emptyState, type CancelAnswer, type PickTask, type SimulatorState } from "./state.ts";
import { Warehouse } from "./warehouse.ts";

// The secret the apps would derive from AUTH_SECRET: the simulator and the storefront agree on it.
const { secret } = warehouseConfig({ AUTH_SECRET: "test-secret-test-secret-test-secret-0000" });
const IN_ORDER = ["ACCEPTED", "PICKING", "PACKED", "SHIPPED", "DELIVERED"];

/** Stands in for the storefront's webhook: checks each signature as the real route does. */
type Receiver = {
  url: string;
  /** Every signed, valid report that reached it, whatever it answered. */
  received: WarehouseEvent[];
  /** Those it answered 2xx. */
  accepted: WarehouseEvent[];
  badSignatures: number;
  answer: (event: WarehouseEvent, attempt: number) => number;
  close(): Promise<void>;
};

async function startReceiver(): Promise<Receiver> {
  const attempts = new Map<string, number>();
  const receiver: Omit<Receiver, "url" | "close"> = { received: [], accepted: [], badSignatures: 0, answer: () => 200 };
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    try {
      verifyWarehouseSignature(raw, request.headers["x-warehouse-signature"] as string, secret);
    } catch {
      receiver.badSignatures += 1;
      response.writeHead(400).end();
      return;
    }
    const event = warehouseEventSchema.parse(JSON.parse(raw));
    const attempt = (attempts.get(event.eventId) ?? 0) + 1;
    attempts.set(event.eventId, attempt);
    receiver.received.push(event);
    const status = receiver.answer(event, attempt);
    if (status < 300) receiver.accepted.push(event);
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ ok: status < 300 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/api/webhooks/warehouse`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

function pickRequest(orderId: string = randomUUID()): PickRequest {
  return {
    orderId,
    orderNumber: "WB-1001-A",
    seller: { id: randomUUID(), name: "Northwind Apparel" },
    warehouse: { code: "MSK-1", name: "Moscow 1" },
    lines: [{ sku: "NW-TEE-M-BLK", title: "Cotton tee", size: "M", color: "Black", quantity: 2, shelfLocation: "A-01-03" }],
    delivery: {
      method: "PICKUP",
      pickupPoint: { code: "PP-1", name: "Tverskaya 7", city: "Moscow", address: "Tverskaya st. 7" },
      address: null,
      recipient: { name: "Anna Petrova", phone: "+79990000000" },
    },
    requestedAt: new Date().toISOString(),
  };
}

async function call(
  sim: RunningSimulator,
  pathname: string,
  { body, key, signature, method = "POST" }: { body?: unknown; key?: string; signature?: string; method?: string } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const raw = body === undefined ? "" : JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (method === "POST" && !pathname.startsWith("/control")) headers["x-warehouse-signature"] = signature ?? signWarehousePayload(raw, secret);
  if (key) headers["idempotency-key"] = key;
  const response = await fetch(`${sim.url}${pathname}`, { method, headers, ...(method === "POST" ? { body: raw } : {}) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const requestPick = (sim: RunningSimulator, request: PickRequest, key = `pick:${request.orderId}`) => call(sim, "/pick-requests", { body: request, key });
const cancelPick = (sim: RunningSimulator, orderId: string, key = `cancel:${orderId}`) => call(sim, `/pick-requests/${orderId}/cancel`, { body: {}, key });

async function waitFor(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}

const statuses = (events: WarehouseEvent[]) => events.map((event) => event.status);

/** Copies of each event, by eventId, in the order the ids first arrived (Map.groupBy needs Node 21). */
function byEventId(events: WarehouseEvent[]): Map<string, WarehouseEvent[]> {
  const groups = new Map<string, WarehouseEvent[]>();
  for (const event of events) groups.set(event.eventId, [...(groups.get(event.eventId) ?? []), event]);
  return groups;
}

let receiver: Receiver;
let stateDir: string;
const running: RunningSimulator[] = [];

async function simulator(overrides: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  const sim = await startSimulator({
    port: 0,
    stateFile: path.join(stateDir, "state.json"),
    secret,
    webhookUrl: receiver.url,
    stepMs: 20,
    controlEnabled: true,
    retry: { baseMs: 10, maxMs: 40, maxAttempts: 50 },
    log: silentLog,
    ...overrides,
  });
  running.push(sim);
  return sim;
}

beforeEach(async () => {
  receiver = await startReceiver();
  stateDir = await mkdtemp(path.join(tmpdir(), "warehouse-simulator-"));
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.stop()));
  await receiver.close();
  await rm(stateDir, { recursive: true, force: true });
});

describe("pick requests", () => {
  it("reports the five statuses in order, with a tracking number from SHIPPED on", async () => {
    const sim = await simulator();
    const request = pickRequest();
    const created = await requestPick(sim, request);
    expect(created.status).toBe(201);
    expect(created.json.pickTaskId).toEqual(expect.any(String));
    expect(created.json.duplicate).toBeUndefined();

    await waitFor(() => receiver.accepted.length === 5, "five reports");
    expect(statuses(receiver.accepted)).toEqual(IN_ORDER);
    expect(receiver.accepted.every((event) => event.orderId === request.orderId)).toBe(true);
    expect(new Set(receiver.accepted.map((event) => event.eventId)).size).toBe(5);
    const shipped = receiver.accepted.find((event) => event.status === "SHIPPED")!;
    expect(shipped.trackingNumber).toMatch(/^WB-SIM-\d+$/);
    expect(receiver.accepted.find((event) => event.status === "ACCEPTED")!.trackingNumber).toBeUndefined();
    const times = receiver.accepted.map((event) => Date.parse(event.occurredAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(receiver.badSignatures).toBe(0);

    await sleep(100);
    expect(receiver.received).toHaveLength(5);
    const tasks = await call(sim, "/pick-tasks", { method: "GET" });
    expect(tasks.json.tasks).toMatchObject([{ pickTaskId: created.json.pickTaskId, orderId: request.orderId, status: "DELIVERED", receivedCount: 1 }]);
  });

  it("makes one task per Idempotency-Key, however often it is sent", async () => {
    const sim = await simulator();
    const request = pickRequest();
    const [first, second] = await Promise.all([requestPick(sim, request), requestPick(sim, request)]);
    const third = await requestPick(sim, { ...request, requestedAt: new Date().toISOString() });
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(third).toMatchObject({ status: 200, json: { duplicate: true } });
    expect(new Set([first.json.pickTaskId, second.json.pickTaskId, third.json.pickTaskId]).size).toBe(1);

    await waitFor(() => receiver.accepted.length === 5, "five reports");
    await sleep(100);
    expect(statuses(receiver.received)).toEqual(IN_ORDER);
    const tasks = (await call(sim, "/pick-tasks", { method: "GET" })).json.tasks as { receivedCount: number; idempotencyKey: string }[];
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ receivedCount: 3, idempotencyKey: `pick:${request.orderId}` });
    expect((await call(sim, "/control", { method: "GET" })).json.counts).toMatchObject({ tasks: 1, pickRequestsReceived: 3, eventsSent: 5 });
  });

  it("refuses a key reused for another order", async () => {
    const sim = await simulator();
    await requestPick(sim, pickRequest(), "shared-key");
    const reused = await requestPick(sim, pickRequest(), "shared-key");
    expect(reused.status).toBe(409);
    expect(reused.json.error).toMatch(/Idempotency-Key/);
  });

  it("refuses a bad signature, a missing key and an invalid body, and creates nothing", async () => {
    const sim = await simulator();
    const request = pickRequest();
    const forged = await call(sim, "/pick-requests", { body: request, key: "k1", signature: signWarehousePayload(JSON.stringify(request), "not-the-secret") });
    expect(forged.status).toBe(400);
    expect(forged.json.error).toMatch(/signature/i);
    const unsigned = await call(sim, "/pick-requests", { body: request, key: "k2", signature: "" });
    expect(unsigned.status).toBe(400);
    const stale = await call(sim, "/pick-requests", { body: request, key: "k3", signature: signWarehousePayload(JSON.stringify(request), secret, Math.floor(Date.now() / 1000) - 3600) });
    expect(stale.status).toBe(400);

    const noKey = await call(sim, "/pick-requests", { body: request });
    expect(noKey.status).toBe(400);
    expect(noKey.json.error).toMatch(/Idempotency-Key/);

    const invalid = await call(sim, "/pick-requests", { body: { ...request, lines: [] }, key: "k4" });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error).toMatch(/^Invalid pick request: lines/);

    await sleep(80);
    expect((await call(sim, "/pick-tasks", { method: "GET" })).json.tasks).toEqual([]);
    expect(receiver.received).toEqual([]);
  });
});

describe("control modes", () => {
  it("refuse mode answers 503 until it is turned off", async () => {
    const sim = await simulator();
    expect((await call(sim, "/control", { body: { refuse: true } })).json.mode).toMatchObject({ refuse: true });
    const request = pickRequest();
    const refused = await requestPick(sim, request);
    expect(refused.status).toBe(503);
    expect(refused.json.error).toMatch(/not accepting/);
    expect((await call(sim, "/pick-tasks", { method: "GET" })).json.tasks).toEqual([]);

    await call(sim, "/control", { body: { refuse: false } });
    const accepted = await requestPick(sim, request);
    expect(accepted.status).toBe(201);
    await waitFor(() => receiver.accepted.length === 5, "five reports");
  });

  it("duplicates mode sends every event twice with the same eventId", async () => {
    const sim = await simulator();
    await call(sim, "/control", { body: { duplicates: true } });
    await requestPick(sim, pickRequest());
    await waitFor(() => receiver.accepted.length === 10, "ten reports");
    const byId = byEventId(receiver.accepted);
    expect(byId.size).toBe(5);
    for (const copies of byId.values()) {
      expect(copies).toHaveLength(2);
      expect(copies[0]).toEqual(copies[1]);
    }
    expect(statuses(receiver.accepted)).toEqual(IN_ORDER.flatMap((status) => [status, status]));
  });

  it("out-of-order mode reports PACKED before PICKING and DELIVERED before SHIPPED", async () => {
    const sim = await simulator();
    await call(sim, "/control", { body: { outOfOrder: true } });
    await requestPick(sim, pickRequest());
    await waitFor(() => receiver.accepted.length === 5, "five reports");
    expect(statuses(receiver.accepted)).not.toEqual(IN_ORDER);
    expect(statuses(receiver.accepted)).toEqual(["ACCEPTED", "PACKED", "PICKING", "DELIVERED", "SHIPPED"]);
    // The times stay true: PICKING happened first, it is only reported late.
    const at = (status: string) => Date.parse(receiver.accepted.find((event) => event.status === status)!.occurredAt);
    expect(at("PICKING")).toBeLessThanOrEqual(at("PACKED"));
    expect(at("SHIPPED")).toBeLessThanOrEqual(at("DELIVERED"));
  });

  it("rejects unknown control fields and is absent when disabled", async () => {
    const sim = await simulator();
    expect((await call(sim, "/control", { body: { explode: true } })).status).toBe(400);
    expect((await call(sim, "/control", { body: { stepMs: -1 } })).status).toBe(400);
    const closed = await simulator({ controlEnabled: false, stateFile: path.join(stateDir, "other.json") });
    expect((await call(closed, "/control", { method: "GET" })).status).toBe(404);
    expect((await call(closed, "/pick-tasks", { method: "GET" })).status).toBe(404);
    expect((await call(closed, "/health", { method: "GET" })).status).toBe(200);
  });
});

describe("cancelling", () => {
  it("stops the steps still ahead and reports CANCELLED", async () => {
    const sim = await simulator({ stepMs: 150 });
    const request = pickRequest();
    await requestPick(sim, request);
    await waitFor(() => receiver.accepted.length === 1, "ACCEPTED");
    const cancelled = await cancelPick(sim, request.orderId);
    expect(cancelled).toEqual({ status: 200, json: { cancelled: true } });
    await waitFor(() => receiver.accepted.some((event) => event.status === "CANCELLED"), "CANCELLED");

    await sleep(500);
    const reported = statuses(receiver.received);
    expect(reported.at(-1)).toBe("CANCELLED");
    expect(reported).not.toContain("SHIPPED");
    expect(reported).not.toContain("DELIVERED");
    expect(receiver.received.find((event) => event.status === "CANCELLED")!.orderId).toBe(request.orderId);

    // The same key again: the same answer, nothing new reported.
    expect(await cancelPick(sim, request.orderId)).toEqual({ status: 200, json: { cancelled: true } });
    // A new key for a cancelled order: still cancelled, said to be a repeat.
    expect(await cancelPick(sim, request.orderId, "another-key")).toEqual({ status: 200, json: { cancelled: true, duplicate: true } });
    await sleep(50);
    expect(statuses(receiver.received).filter((status) => status === "CANCELLED")).toHaveLength(1);
    const [task] = (await call(sim, "/pick-tasks", { method: "GET" })).json.tasks as { status: string }[];
    expect(task!.status).toBe("CANCELLED");
  });

  it("answers 409 once the order has shipped, 404 for an unknown order, 400 unsigned", async () => {
    const sim = await simulator({ stepMs: 5 });
    const request = pickRequest();
    await requestPick(sim, request);
    await waitFor(() => receiver.accepted.some((event) => event.status === "SHIPPED"), "SHIPPED");
    const late = await cancelPick(sim, request.orderId);
    expect(late.status).toBe(409);
    expect(late.json.error).toMatch(/already left the warehouse/);
    expect((await cancelPick(sim, randomUUID())).status).toBe(404);
    const unsigned = await call(sim, `/pick-requests/${request.orderId}/cancel`, { body: {}, key: "k", signature: "t=1,v1=00" });
    expect(unsigned.status).toBe(400);
    const noKey = await call(sim, `/pick-requests/${request.orderId}/cancel`, { body: {} });
    expect(noKey.status).toBe(400);
  });
});

describe("delivery", () => {
  it("retries a failed report with backoff, keeping the order", async () => {
    receiver.answer = (event, attempt) => (event.status === "PICKING" && attempt <= 3 ? 503 : 200);
    const sim = await simulator({ stepMs: 5 });
    await requestPick(sim, pickRequest());
    await waitFor(() => receiver.accepted.length === 5, "five reports");
    expect(statuses(receiver.accepted)).toEqual(IN_ORDER);
    expect(statuses(receiver.received).filter((status) => status === "PICKING")).toHaveLength(4);
    const picking = receiver.received.filter((event) => event.status === "PICKING");
    expect(new Set(picking.map((event) => event.eventId)).size).toBe(1);
  });

  it("takes a 404 as final", async () => {
    receiver.answer = () => 404;
    const sim = await simulator({ stepMs: 5 });
    await requestPick(sim, pickRequest());
    await waitFor(() => receiver.received.length === 5, "five attempts");
    await sleep(100);
    expect(receiver.received).toHaveLength(5);
    expect((await call(sim, "/control", { method: "GET" })).json.counts).toMatchObject({ eventsFailed: 5, eventsWaiting: 0 });
  });
});

describe("restarts", () => {
  it("keeps the tasks and continues the steps ahead", async () => {
    const stateFile = path.join(stateDir, "state.json");
    const first = await simulator({ stepMs: 200, stateFile });
    const request = pickRequest();
    const created = await requestPick(first, request);
    await waitFor(() => receiver.accepted.length === 1, "ACCEPTED");
    await first.stop();

    const saved = JSON.parse(await readFile(stateFile, "utf8")) as SimulatorState;
    expect(saved.tasks).toHaveLength(1);
    expect(saved.tasks[0]!.events.filter((event) => event.occurredAt).map((event) => event.status)).toEqual(["ACCEPTED"]);
    await sleep(300); // longer than a step: nothing happens while it is down
    expect(receiver.received).toHaveLength(1);

    const second = await simulator({ stepMs: 200, stateFile });
    const repeated = await requestPick(second, request);
    expect(repeated).toEqual({ status: 200, json: { pickTaskId: created.json.pickTaskId, duplicate: true } });
    await waitFor(() => receiver.accepted.some((event) => event.status === "DELIVERED"), "DELIVERED");
    const byId = byEventId(receiver.accepted);
    expect([...byId.values()].map((copies) => copies[0]!.status)).toEqual(IN_ORDER);
    const tasks = (await call(second, "/pick-tasks", { method: "GET" })).json.tasks as { receivedCount: number }[];
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.receivedCount).toBe(2);
  });

  it("after a crash, carries on from the snapshot and the journal as they were on disk", async () => {
    const stateFile = path.join(stateDir, "state.json");
    const first = await simulator({ stepMs: 200, stateFile });
    const [one, two] = [pickRequest(), pickRequest()];
    const accepted = (request: PickRequest) => () => receiver.accepted.some((event) => event.orderId === request.orderId && event.status === "ACCEPTED");
    const createdOne = await requestPick(first, one);
    await waitFor(accepted(one), "ACCEPTED for the first order");
    const createdTwo = await requestPick(first, two);
    await waitFor(accepted(two), "ACCEPTED for the second order");
    await sleep(150); // the write recording that report (writes wait 50 ms for company)

    // What a crash now would leave: the files as they are, without the snapshot a clean stop writes.
    const crashed = path.join(stateDir, "crashed");
    await mkdir(crashed);
    await copyFile(stateFile, path.join(crashed, "state.json"));
    await copyFile(`${stateFile}.journal`, path.join(crashed, "state.json.journal"));
    await first.stop();
    // The first write was a snapshot with the first task; the second task and all progress are only in the journal.
    expect((JSON.parse(await readFile(path.join(crashed, "state.json"), "utf8")) as SimulatorState).tasks).toHaveLength(1);
    expect((await readFile(path.join(crashed, "state.json.journal"), "utf8")).trim().split("\n").length).toBeGreaterThan(2);

    const second = await simulator({ stepMs: 200, stateFile: path.join(crashed, "state.json") });
    expect(await requestPick(second, one)).toEqual({ status: 200, json: { pickTaskId: createdOne.json.pickTaskId, duplicate: true } });
    expect(await requestPick(second, two)).toEqual({ status: 200, json: { pickTaskId: createdTwo.json.pickTaskId, duplicate: true } });
    const delivered = (request: PickRequest) => receiver.accepted.some((event) => event.orderId === request.orderId && event.status === "DELIVERED");
    await waitFor(() => delivered(one) && delivered(two), "DELIVERED for both orders");
    for (const request of [one, two]) {
      const byId = byEventId(receiver.accepted.filter((event) => event.orderId === request.orderId));
      expect([...byId.values()].map((copies) => copies[0]!.status)).toEqual(IN_ORDER);
      // ACCEPTED was accepted and saved before the crash: not sent again.
      expect(receiver.received.filter((event) => event.orderId === request.orderId && event.status === "ACCEPTED")).toHaveLength(1);
    }
    const tasks = (await call(second, "/pick-tasks", { method: "GET" })).json.tasks as { status: string }[];
    expect(tasks.map((task) => task.status)).toEqual(["DELIVERED", "DELIVERED"]);
  });
});

describe("saving", () => {
  // The state store writes only the tasks and cancel answers it is told about: a change made
  // without a save naming it would be missing after a restart.
  it("names every change it makes in a save", async () => {
    const state = emptyState();
    const saved = { tasks: new Map<string, PickTask>(), cancelRequests: {} as Record<string, CancelAnswer> };
    const unnamed = new Set<string>();
    /** What changed since the last save naming it, and is not named now. */
    const checkOthers = (named: Set<unknown>) => {
      for (const task of state.tasks) if (!named.has(task) && !isDeepStrictEqual(task, saved.tasks.get(task.pickTaskId))) unnamed.add(`task ${task.pickTaskId}`);
      for (const [key, answer] of Object.entries(state.cancelRequests)) if (!named.has(key) && !isDeepStrictEqual(answer, saved.cancelRequests[key])) unnamed.add(`cancel answer ${key}`);
    };
    const save = (changes: StateChanges) => {
      const named = new Set<unknown>([...(changes.tasks ?? []), ...(changes.cancelKeys ?? [])]);
      checkOthers(named);
      for (const task of changes.tasks ?? []) saved.tasks.set(task.pickTaskId, structuredClone(task));
      for (const key of changes.cancelKeys ?? []) saved.cancelRequests[key] = structuredClone(state.cancelRequests[key]!);
      return Promise.resolve();
    };
    const warehouse = new Warehouse(state, { save, secret, webhookUrl: receiver.url, stepMs: 60_000, retry: { baseMs: 5, maxMs: 10, maxAttempts: 3 }, log: silentLog });
    warehouse.resume();
    // Every path: retries, a 404, a report given up on, duplicates, out of order, a cancel, a repeated pick request.
    const [kept, rejected, abandoned, cancelled] = [pickRequest(), pickRequest(), pickRequest(), pickRequest()];
    receiver.answer = (event, attempt) => {
      if (event.orderId === rejected.orderId && event.status === "PACKED") return 404;
      if (event.orderId === abandoned.orderId && event.status === "SHIPPED") return 503;
      return event.status === "PICKING" && attempt === 1 ? 503 : 200;
    };
    for (const request of [kept, rejected, abandoned, cancelled]) warehouse.submit(`pick:${request.orderId}`, request);
    warehouse.submit(`pick:${kept.orderId}`, kept);
    warehouse.cancel(cancelled.orderId, "cancel:1");
    warehouse.setMode({ stepMs: 5, duplicates: true, outOfOrder: true });
    await waitFor(() => warehouse.counts().inProgress === 0 && warehouse.counts().eventsWaiting === 0, "every task finished and reported");
    await sleep(50);
    await warehouse.stop();

    expect(warehouse.counts()).toMatchObject({ tasks: 4, cancelled: 1, eventsFailed: 2 });
    checkOthers(new Set());
    expect([...unnamed]).toEqual([]);
    expect(Object.keys(saved.cancelRequests)).toEqual(["cancel:1"]);
  });
});
