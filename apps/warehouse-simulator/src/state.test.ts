import { randomUUID } from "node:crypto";
import { appendFile, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PickRequest } from "@market/domain/fulfilment/contract";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { journalPath } from "./journal.ts";
import { StateStore, type StateStoreOptions } from "./state-store.ts";
import { emptyState, loadState, StateFileError, type PickTask, type SimulatorState } from "./state.ts";

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "warehouse-state-"));
  file = path.join(dir, "state.json");
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function task(): PickTask {
  const orderId = randomUUID();
  const request: PickRequest = {
    orderId,
    orderNumber: "WB-1001-A",
    seller: { id: randomUUID(), name: "Northwind Apparel" },
    warehouse: { code: "MSK-1", name: "Moscow 1" },
    lines: [{ sku: "NW-TEE-M-BLK", title: "Cotton tee", size: "M", color: "Black", quantity: 2, shelfLocation: "A-01-03" }],
    delivery: { method: "PICKUP", pickupPoint: { code: "PP-1", name: "Tverskaya 7", city: "Moscow", address: "Tverskaya st. 7" }, address: null, recipient: { name: "Anna Petrova", phone: "+79990000000" } },
    requestedAt: new Date().toISOString(),
  };
  return {
    pickTaskId: `pt_${randomUUID()}`,
    idempotencyKey: `pick:${orderId}`,
    orderId,
    orderNumber: request.orderNumber,
    trackingNumber: "WB-SIM-0000000001",
    receivedCount: 1,
    createdAt: new Date().toISOString(),
    cancelledAt: null,
    request,
    events: [],
    outbox: [],
  };
}

function stateWith(count: number): SimulatorState {
  return { ...emptyState(), tasks: Array.from({ length: count }, task) };
}

const store = (state: SimulatorState, options: StateStoreOptions = {}) => new StateStore(file, () => state, { batchMs: 0, ...options });

const journalLines = async () => (await readFile(journalPath(file), "utf8")).split("\n").filter(Boolean);

/** A copy, as a restart would see it (the store keeps no reference to what it loads). */
const copy = (state: SimulatorState): SimulatorState => structuredClone(state);

describe("saving", () => {
  it("appends only what changed, and leaves the snapshot alone", async () => {
    const state = stateWith(200);
    const saver = store(state);
    await saver.save({ tasks: [state.tasks[0]!] }); // a process's first write is a snapshot
    const snapshot = await readFile(file, "utf8");
    expect((JSON.parse(snapshot) as SimulatorState).tasks).toHaveLength(200);

    state.tasks[5]!.receivedCount = 2;
    await saver.save({ tasks: [state.tasks[5]!] });
    expect(await readFile(file, "utf8")).toBe(snapshot);
    const lines = await journalLines();
    expect(lines).toHaveLength(2); // the header and one entry
    expect(JSON.parse(lines[1]!)).toEqual({ tasks: [state.tasks[5]], cancelRequests: {} });
    expect(lines[1]!.length).toBeLessThan(2 * JSON.stringify(state.tasks[5]).length);
    expect(await loadState(file)).toEqual(state);
  });

  it("gives a burst of saves one write", async () => {
    const state = stateWith(3);
    const saver = store(state, { batchMs: 20 });
    await saver.save({ tasks: state.tasks });
    const [a, b, c] = state.tasks;
    const saves = [saver.save({ tasks: [a!] }), saver.save({ tasks: [b!] }), saver.save({ tasks: [c!, a!] })];
    expect(saves[1]).toBe(saves[0]);
    await Promise.all(saves);
    const lines = await journalLines();
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!).tasks).toEqual([a, b, c]);
  });

  it("replays new tasks, changed tasks and cancel answers after a restart, in order", async () => {
    const state = stateWith(2);
    const saver = store(state);
    await saver.save({ tasks: state.tasks });
    const added = task();
    state.tasks.push(added);
    await saver.save({ tasks: [added] });
    state.tasks[0]!.cancelledAt = new Date().toISOString();
    state.cancelRequests["cancel:1"] = { orderId: state.tasks[0]!.orderId, status: 200, body: { cancelled: true } };
    await saver.save({ tasks: [state.tasks[0]!], cancelKeys: ["cancel:1"] });
    added.receivedCount = 3;
    await saver.save({ tasks: [added] });

    expect((JSON.parse(await readFile(file, "utf8")) as SimulatorState).tasks).toHaveLength(2); // the rest is in the journal
    const loaded = await loadState(file);
    expect(loaded).toEqual(state);
    expect(loaded.tasks.map((each) => each.pickTaskId)).toEqual(state.tasks.map((each) => each.pickTaskId));
  });

  it("writes a snapshot again after a failed append, so nothing is lost", async () => {
    const state = stateWith(2);
    const saver = store(state);
    await saver.save({ tasks: state.tasks });
    await unlink(journalPath(file));
    state.tasks[0]!.receivedCount = 2;
    await expect(saver.save({ tasks: [state.tasks[0]!] })).rejects.toThrow(/ENOENT/);
    state.tasks[1]!.receivedCount = 5;
    await saver.save({ tasks: [state.tasks[1]!] });
    expect(await loadState(file)).toEqual(state);
  });
});

describe("compaction", () => {
  it("folds the journal into a snapshot once it outgrows it", async () => {
    const state = stateWith(20);
    const saver = store(state, { minJournalBytes: 0 });
    await saver.save({ tasks: state.tasks });
    for (let round = 0; round < 100; round += 1) {
      const changed = state.tasks[round % 20]!;
      changed.receivedCount += 1;
      await saver.save({ tasks: [changed] });
    }
    const lines = await journalLines();
    // 101 lines without compaction; the journal stays under the snapshot's size (20 tasks).
    expect(lines.length).toBeLessThanOrEqual(22);
    expect(JSON.parse(lines[0]!).journal).toBe((JSON.parse(await readFile(file, "utf8")) as { journal: string }).journal);
    expect(await loadState(file)).toEqual(state);
  });

  it("writes the whole state when asked without changes, and starts an empty journal", async () => {
    const state = stateWith(3);
    const saver = store(state);
    await saver.save({ tasks: state.tasks });
    state.tasks[1]!.receivedCount = 4;
    await saver.save({ tasks: [state.tasks[1]!] });
    state.tasks[2]!.receivedCount = 7; // never reported: the snapshot takes it anyway
    await saver.save();
    expect(await journalLines()).toHaveLength(1);
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject(state);
    expect(await loadState(file)).toEqual(state);
  });

  it("ignores the journal a crash left behind a newer snapshot", async () => {
    const state = stateWith(2);
    const saver = store(state);
    await saver.save({ tasks: state.tasks });
    state.tasks[0]!.receivedCount = 2;
    await saver.save({ tasks: [state.tasks[0]!] });
    const oldJournal = await readFile(journalPath(file), "utf8");
    // Changed and answered, but never journaled: only the snapshot has it.
    state.tasks[0]!.cancelledAt = new Date().toISOString();
    state.cancelRequests["cancel:1"] = { orderId: state.tasks[0]!.orderId, status: 200, body: { cancelled: true } };
    await saver.save();
    // As if the process died after writing the snapshot, before replacing the journal.
    await writeFile(journalPath(file), oldJournal);
    const loaded = await loadState(file);
    expect(loaded.tasks[0]!.cancelledAt).not.toBeNull();
    expect(loaded).toEqual(state);
  });
});

describe("loading", () => {
  it("loads a state file written before the journal", async () => {
    const old = stateWith(2);
    const { cancelRequests: _, ...withoutCancels } = old;
    await writeFile(file, `${JSON.stringify(withoutCancels)}\n`);
    expect(await loadState(file)).toEqual(old);

    const state = await loadState(file);
    state.tasks[1]!.receivedCount = 2;
    await store(state).save({ tasks: [state.tasks[1]!] });
    expect(await loadState(file)).toEqual(state);
  });

  it("starts empty without a state file, even if a journal is left", async () => {
    const state = stateWith(1);
    await store(state).save({ tasks: state.tasks });
    await unlink(file);
    expect(await loadState(file)).toEqual(emptyState());
  });

  it("skips a last line cut short by a crash, and writes past it after the restart", async () => {
    const state = stateWith(2);
    const saver = store(state);
    await saver.save({ tasks: state.tasks });
    state.tasks[0]!.receivedCount = 2;
    await saver.save({ tasks: [state.tasks[0]!] });
    const acknowledged = copy(state);
    await appendFile(journalPath(file), `{"tasks":[{"pickTaskId":"${state.tasks[1]!.pickTaskId}","receivedCount":9`);

    const restarted = await loadState(file);
    expect(restarted).toEqual(acknowledged);
    restarted.tasks[1]!.receivedCount = 3;
    await store(restarted).save({ tasks: [restarted.tasks[1]!] });
    expect(await loadState(file)).toEqual(restarted);
  });

  it("refuses a journal with an invalid line before the last", async () => {
    const state = stateWith(2);
    const saver = store(state);
    await saver.save({ tasks: state.tasks });
    for (const changed of state.tasks) {
      changed.receivedCount += 1;
      await saver.save({ tasks: [changed] });
    }
    const lines = await journalLines();
    lines[1] = lines[1]!.slice(0, 40);
    await writeFile(journalPath(file), `${lines.join("\n")}\n`);
    const loading = loadState(file);
    await expect(loading).rejects.toBeInstanceOf(StateFileError);
    await expect(loading).rejects.toThrow(/Line 2 of .*state\.json\.journal is not valid/);

    lines[1] = JSON.stringify({ tasks: [{ orderId: "no pickTaskId" }], cancelRequests: {} });
    await writeFile(journalPath(file), `${lines.join("\n")}\n`);
    await expect(loadState(file)).rejects.toBeInstanceOf(StateFileError);
  });
});
