// The journal (`<state file>.journal`, JSON Lines) holds what changed since the snapshot: a header
// line with the journal's id, then one entry per write with the tasks and cancel answers that
// write changed, each whole. Replaying an entry replaces each task by pickTaskId (or adds it), so
// the last copy wins.
//
// One line per write, not per task, makes a write all or nothing: a crash in the middle of an
// append leaves only the last line unfinished, and that line is dropped whole. Dropping half of
// a write could keep a cancel answer without the cancellation it reports.
//
// The snapshot names the journal that continues it (its `journal` field). Replaying any other
// journal over it would be wrong, not merely redundant: the snapshot also holds changes that
// were never journaled, so an older copy of a task in the journal would roll it back.
import type { CancelAnswer, PickTask, SimulatorState } from "./state.ts";

export type JournalEntry = { tasks: PickTask[]; cancelRequests: Record<string, CancelAnswer> };

export const journalPath = (stateFile: string): string => `${stateFile}.journal`;

export const headerLine = (journalId: string): string => `${JSON.stringify({ journal: journalId })}\n`;

export const entryLine = (entry: JournalEntry): string => `${JSON.stringify(entry)}\n`;

/** The finished lines. A last line without its newline was cut by a crash; its write never returned. */
export function finishedLines(text: string): string[] {
  const lines = text.split("\n");
  lines.pop();
  return lines;
}

export function parseHeader(line: string): string | null {
  const header = parseJson(line) as { journal?: unknown } | null;
  return typeof header?.journal === "string" ? header.journal : null;
}

export function parseEntry(line: string): JournalEntry | null {
  const entry = parseJson(line) as Partial<JournalEntry> | null;
  if (!entry || !Array.isArray(entry.tasks) || !isRecord(entry.cancelRequests)) return null;
  if (!entry.tasks.every((task: unknown) => isRecord(task) && typeof task.pickTaskId === "string")) return null;
  return entry as JournalEntry;
}

/** Applies entries in order; `positions` (pickTaskId → index in state.tasks) is kept up to date. */
export function applyEntry(state: SimulatorState, entry: JournalEntry, positions: Map<string, number>): void {
  for (const task of entry.tasks) {
    const position = positions.get(task.pickTaskId);
    if (position === undefined) {
      positions.set(task.pickTaskId, state.tasks.length);
      state.tasks.push(task);
    } else {
      state.tasks[position] = task;
    }
  }
  Object.assign(state.cancelRequests, entry.cancelRequests);
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
