// The simulator's memory, kept in one JSON file so that a restart neither loses a task nor
// creates it twice, and resumes the steps that were still ahead. Each write goes to a temporary
// file that is synced and renamed over the old one: a crash leaves the old or the new state,
// never half of one.
import { mkdir, open, readFile, rename } from "node:fs/promises";
import path from "node:path";
import type { PickRequest, WarehouseStatus } from "@market/domain/fulfilment/contract";

/** One status report of a task: ahead (occurredAt null), happened, and then delivered or not. */
export type TaskEvent = {
  eventId: string;
  status: WarehouseStatus;
  /** When the warehouse did it; null while the step is still ahead. */
  occurredAt: string | null;
  /** Only the next step ahead has one. */
  dueAt: string | null;
  /** The task was cancelled before this step happened: it never will. */
  skipped: boolean;
  /** Out-of-order mode: happened, but reported only after the next event. */
  held: boolean;
  /** How many times to send it (2 in duplicates mode), and how many were accepted. */
  copies: number;
  sent: number;
  attempts: number;
  /** Failed attempts since the last accepted one: drives the backoff. */
  failures: number;
  deliveredAt: string | null;
  /** Why delivery stopped without success (a 404, or retries exhausted). */
  failure: string | null;
  lastError: string | null;
};

export type PickTask = {
  pickTaskId: string;
  idempotencyKey: string;
  orderId: string;
  orderNumber: string;
  trackingNumber: string;
  /** How many pick requests carried this task's Idempotency-Key (1 = no repeats). */
  receivedCount: number;
  createdAt: string;
  cancelledAt: string | null;
  request: PickRequest;
  /** In the order the steps happen (or will). */
  events: TaskEvent[];
  /** Event ids waiting to be reported, in reporting order. */
  outbox: string[];
};

export type CancelAnswer = { orderId: string; status: number; body: Record<string, unknown> };

export type SimulatorState = {
  version: 1;
  tasks: PickTask[];
  /** Answers to cancel requests by Idempotency-Key, replayed when a key comes again. */
  cancelRequests: Record<string, CancelAnswer>;
};

export const emptyState = (): SimulatorState => ({ version: 1, tasks: [], cancelRequests: {} });

export class StateFileError extends Error {
  override name = "StateFileError";
}

export async function loadState(file: string): Promise<SimulatorState> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyState();
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Refuse rather than start empty: an empty warehouse would take every retried pick request
    // as new and prepare those orders a second time.
    throw new StateFileError(`The warehouse simulator's state file ${file} is not valid JSON. Move it away to start with an empty warehouse.`);
  }
  const state = parsed as Partial<SimulatorState>;
  if (state.version !== 1 || !Array.isArray(state.tasks)) {
    throw new StateFileError(`The warehouse simulator's state file ${file} has an unknown format (expected version 1). Move it away to start with an empty warehouse.`);
  }
  return { version: 1, tasks: state.tasks, cancelRequests: state.cancelRequests ?? {} };
}

/**
 * Serialises writes and coalesces bursts: a save requested while one is queued joins it. A write
 * waits `batchMs` first so that a burst of changes (many pick requests at once) costs one write of
 * the whole file instead of one each; under load that rewrite was most of the simulator's CPU.
 */
export class StateStore {
  private queue: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;

  constructor(
    readonly file: string,
    private readonly snapshot: () => SimulatorState,
    private readonly batchMs = 50,
  ) {}

  /** Resolves once a write that started after this call (so includes every change so far) is on disk. */
  save(): Promise<void> {
    if (this.queued) return this.queued;
    const write = this.queue.then(async () => {
      if (this.batchMs > 0) await new Promise((resolve) => setTimeout(resolve, this.batchMs));
      // From here on, later changes need a write of their own.
      this.queued = null;
      await writeAtomically(this.file, `${JSON.stringify(this.snapshot())}\n`);
    });
    this.queued = write;
    this.queue = write.catch(() => undefined);
    return write;
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, "w", 0o600);
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}
