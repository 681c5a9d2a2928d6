// The simulator's memory, kept on disk so that a restart neither loses a task nor creates it
// twice, and resumes the steps that were still ahead. On disk it is a snapshot of the whole state
// (the state file, still version 1: files from before the journal load as they are) and a journal
// beside it of what changed since (journal.ts), so that a change costs a write of its own size
// rather than of every task ever made. This module reads both back; state-store.ts writes them.
import { readFile } from "node:fs/promises";
import type { PickRequest, WarehouseStatus } from "@market/domain/fulfilment/contract";
import { applyEntry, finishedLines, journalPath, parseEntry, parseHeader } from "./journal.ts";

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

/** The state file: the state plus the id of the journal that continues it (absent in files written before there was a journal). */
type SnapshotFile = SimulatorState & { journal?: string };

export const snapshotText = (state: SimulatorState, journalId: string): string =>
  `${JSON.stringify({ ...state, journal: journalId } satisfies SnapshotFile)}\n`;

export async function loadState(file: string): Promise<SimulatorState> {
  const text = await readIfExists(file);
  if (text === null) return emptyState(); // a journal without its snapshot continues nothing
  const { state, journalId } = parseSnapshot(text, file);
  const journalText = await readIfExists(journalPath(file));
  if (journalText !== null && journalId !== undefined) replayJournal(state, journalId, journalText, file);
  return state;
}

function parseSnapshot(text: string, file: string): { state: SimulatorState; journalId: string | undefined } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Refuse rather than start empty: an empty warehouse would take every retried pick request
    // as new and prepare those orders a second time.
    throw new StateFileError(`The warehouse simulator's state file ${file} is not valid JSON. ${startEmptyHint(file)}`);
  }
  const snapshot = parsed as Partial<SnapshotFile>;
  if (snapshot.version !== 1 || !Array.isArray(snapshot.tasks) || (snapshot.journal !== undefined && typeof snapshot.journal !== "string")) {
    throw new StateFileError(`The warehouse simulator's state file ${file} has an unknown format (expected version 1). ${startEmptyHint(file)}`);
  }
  return { state: { version: 1, tasks: snapshot.tasks, cancelRequests: snapshot.cancelRequests ?? {} }, journalId: snapshot.journal };
}

function replayJournal(state: SimulatorState, journalId: string, text: string, file: string): void {
  const [header, ...entries] = finishedLines(text);
  if (header === undefined) return;
  const invalid = (line: number) =>
    new StateFileError(
      `Line ${line} of the warehouse simulator's journal ${journalPath(file)} is not valid (only an unfinished last line, cut by a crash, is expected and skipped). ${startEmptyHint(file)}`,
    );
  const headerId = parseHeader(header);
  if (headerId === null) throw invalid(1);
  // Left by a crash between writing the snapshot and starting its journal: the snapshot holds all
  // of it already, and newer copies of its tasks.
  if (headerId !== journalId) return;
  const positions = new Map(state.tasks.map((task, index) => [task.pickTaskId, index]));
  entries.forEach((line, index) => {
    const entry = parseEntry(line);
    if (!entry) throw invalid(index + 2);
    applyEntry(state, entry, positions);
  });
}

const startEmptyHint = (file: string) => `Move ${file} and ${journalPath(file)} away to start with an empty warehouse.`;

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
