// Writes the state (state.ts) as it changes. Rewriting the whole file on every change was half of
// the simulator's CPU under the checkout benchmark, since finished tasks are kept; so callers say
// which tasks and cancel answers they changed, and a write appends just those to the journal
// (journal.ts). Once the journal has outgrown the snapshot, the next write is a fresh snapshot
// instead, which starts a new journal. A snapshot comes only after at least its own size has been
// journaled, so on average a write costs at most about twice what it changed, and a start reads
// the state about twice at most (or 1 MiB of journal, while the state is small).
import { randomUUID } from "node:crypto";
import { appendToFile, replaceFile } from "./durable-files.ts";
import { entryLine, headerLine, journalPath } from "./journal.ts";
import { snapshotText, type PickTask, type SimulatorState } from "./state.ts";

/** What a caller changed, or added: whole tasks, and cancel answers by Idempotency-Key. */
export type StateChanges = { tasks?: Iterable<PickTask>; cancelKeys?: Iterable<string> };

export type StateStoreOptions = {
  /** How long a write waits for more changes to join it. */
  batchMs?: number;
  /** The journal is folded into a snapshot once it is larger than the snapshot and than this. */
  minJournalBytes?: number;
};

type Journal = { bytes: number; snapshotBytes: number };

/**
 * Writes are serialised, and a burst of changes (many pick requests at once) shares one write
 * and one fsync: a write waits `batchMs` first, and a save requested meanwhile joins it.
 */
export class StateStore {
  private queue: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private readonly changedTasks = new Set<PickTask>();
  private readonly changedCancelKeys = new Set<string>();
  private snapshotRequested = false;
  /**
   * The journal that continues the snapshot on disk, once this process has written both. Until
   * then (and after a failed write) the next write is a snapshot: appending to a journal found on
   * disk could follow a line torn by a crash, which would then no longer be the last.
   */
  private journal: Journal | null = null;
  private readonly batchMs: number;
  private readonly minJournalBytes: number;

  constructor(
    readonly file: string,
    private readonly state: () => SimulatorState,
    options: StateStoreOptions = {},
  ) {
    this.batchMs = options.batchMs ?? 50;
    this.minJournalBytes = options.minJournalBytes ?? 1024 * 1024;
  }

  /**
   * Resolves once a write that started after this call is on disk (synced). That write holds every
   * change reported so far, to this call or earlier ones; without `changes`, it is a snapshot of
   * the whole state, changes reported or not (for the shutdown: it also folds the journal in).
   */
  save(changes?: StateChanges): Promise<void> {
    if (changes) {
      for (const task of changes.tasks ?? []) this.changedTasks.add(task);
      for (const key of changes.cancelKeys ?? []) this.changedCancelKeys.add(key);
    } else {
      this.snapshotRequested = true;
    }
    if (this.queued) return this.queued;
    const write = this.queue.then(async () => {
      if (this.batchMs > 0) await new Promise((resolve) => setTimeout(resolve, this.batchMs));
      // From here on, later changes need a write of their own.
      this.queued = null;
      await this.write();
    });
    this.queued = write;
    this.queue = write.catch(() => undefined);
    return write;
  }

  /** Takes the changes and serialises them before its first await, so none is missed or half-taken. */
  private async write(): Promise<void> {
    const tasks = [...this.changedTasks];
    const cancelKeys = [...this.changedCancelKeys];
    this.changedTasks.clear();
    this.changedCancelKeys.clear();
    const journal = this.journal;
    if (this.snapshotRequested || !journal || journal.bytes > Math.max(journal.snapshotBytes, this.minJournalBytes)) {
      this.snapshotRequested = false;
      return this.writeSnapshot();
    }
    if (tasks.length === 0 && cancelKeys.length === 0) return;
    const { cancelRequests } = this.state();
    const line = entryLine({ tasks, cancelRequests: Object.fromEntries(cancelKeys.filter((key) => key in cancelRequests).map((key) => [key, cancelRequests[key]!])) });
    try {
      await appendToFile(journalPath(this.file), line);
    } catch (error) {
      // Part of the line may have reached the disk; only a snapshot gets past it.
      this.journal = null;
      throw error;
    }
    journal.bytes += Buffer.byteLength(line);
  }

  /**
   * The snapshot first, naming a new journal, then that journal, empty. A crash in between leaves
   * the new snapshot and the old journal, which it does not name and so is not replayed.
   */
  private async writeSnapshot(): Promise<void> {
    this.journal = null;
    const id = randomUUID();
    const snapshot = snapshotText(this.state(), id);
    const header = headerLine(id);
    await replaceFile(this.file, snapshot);
    await replaceFile(journalPath(this.file), header);
    this.journal = { bytes: Buffer.byteLength(header), snapshotBytes: Buffer.byteLength(snapshot) };
  }
}
