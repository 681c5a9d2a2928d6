// Uploads nobody kept: a product picture dropped from an abandoned form, a replaced shop logo, a
// CSV previewed but never imported. Uploads are stored before the row that references them is
// saved, so such files pile up; this daily job deletes them.
//
// Never a referenced file: only files older than the grace period are candidates (a form being
// filled in keeps its fresh upload), and their references are checked right before each page is
// deleted, so a row saved while the store was being listed still protects its file. Savers check
// that the file exists (describeStoredImage, startImport), so a file deleted first is refused
// with "upload it again", never saved as a broken reference. Only known key shapes are touched:
// anything else under the listed prefixes is left alone.
import { getPrisma } from "@market/db";
import { processLogger } from "@market/observability/log";
import type { Task } from "graphile-worker";
import { getFileStore, type FileStore, type ListedFile } from "./file-store.ts";
import { fileUrl } from "./local-file-store.ts";

const HOUR_MS = 3_600_000;
/** Uploads younger than this are never deleted, referenced or not. */
export const ORPHAN_GRACE_MS = 24 * HOUR_MS;
/** A finished import's CSV is kept this long for support questions; its job and report stay. */
export const IMPORT_FILE_RETENTION_MS = 30 * 24 * HOUR_MS;

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
// The shapes store-image.ts and seller-imports/jobs.ts write.
const KINDS = [
  { kind: "image", pattern: new RegExp(`^sellers/${UUID}/images/${UUID}\\.webp$`) },
  { kind: "logo", pattern: new RegExp(`^sellers/${UUID}/logo/${UUID}\\.webp$`) },
  { kind: "import", pattern: new RegExp(`^imports/${UUID}/${UUID}/[A-Za-z0-9_-][A-Za-z0-9._-]*\\.csv$`) },
] as const;
const PREFIXES = ["sellers/", "imports/"];

export type OrphanKind = (typeof KINDS)[number]["kind"];

export type PruneOrphanedFilesOptions = {
  now?: Date;
  /** Grace period in milliseconds (default 24 hours). */
  olderThan?: number;
  /** How long a finished import's file stays (default 30 days). */
  importRetention?: number;
  /** Keys checked per reference query. */
  pageSize?: number;
  store?: FileStore;
};

export type PruneOrphanedFilesResult = {
  /** Files listed under the uploads' prefixes. */
  scanned: number;
  /** Within the grace period: not considered. */
  fresh: number;
  /** Old, but a row references them. */
  referenced: number;
  /** Keys of a shape this job does not manage: never deleted. */
  skipped: number;
  deleted: Record<OrphanKind, number>;
  deletedBytes: number;
  /** Deletions the store refused (logged); tried again on the next run. */
  failed: number;
};

type Candidate = ListedFile & { kind: OrphanKind };

const kindOf = (key: string): OrphanKind | null => KINDS.find(({ pattern }) => pattern.test(key))?.kind ?? null;

/**
 * The keys among `keys` that a row still needs: a product's picture, an order line's picture
 * snapshot, a shop's current logo (stored as its /files URL), the file of an import that has
 * not finished or finished within the retention. One query for the whole page.
 */
async function referencedKeys(keys: string[], importCutoff: Date): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const urls = keys.map(fileUrl);
  const rows = await getPrisma().$queryRaw<{ key: string }[]>`
    SELECT "storageKey" AS key FROM "ProductImage" WHERE "storageKey" = ANY(${keys}::text[])
    UNION SELECT "imageKey" FROM "OrderLine" WHERE "imageKey" = ANY(${keys}::text[])
    UNION SELECT k.key FROM unnest(${keys}::text[], ${urls}::text[]) AS k(key, url) JOIN "Seller" s ON s."logoUrl" = k.url
    UNION SELECT "fileKey" FROM "ImportJob"
           WHERE "fileKey" = ANY(${keys}::text[])
             AND (status IN ('PENDING', 'RUNNING') OR "finishedAt" IS NULL OR "finishedAt" >= ${importCutoff}::timestamp)`;
  return new Set(rows.map((row) => row.key));
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Deletes stored uploads that no row references and that are older than the grace period. */
export async function pruneOrphanedFiles(options: PruneOrphanedFilesOptions = {}): Promise<PruneOrphanedFilesResult> {
  const now = options.now ?? new Date();
  const olderThan = options.olderThan ?? ORPHAN_GRACE_MS;
  // A zero or mistyped grace period would take uploads from forms being filled in right now.
  if (!Number.isFinite(olderThan) || olderThan < HOUR_MS) throw new RangeError("pruneOrphanedFiles: olderThan must be at least one hour");
  const importCutoff = new Date(now.getTime() - (options.importRetention ?? IMPORT_FILE_RETENTION_MS));
  const cutoff = new Date(now.getTime() - olderThan);
  const pageSize = options.pageSize ?? 500;
  const store = options.store ?? getFileStore();
  const log = processLogger().child({ job: "files:prune-orphans" });
  const result: PruneOrphanedFilesResult = { scanned: 0, fresh: 0, referenced: 0, skipped: 0, deleted: { image: 0, logo: 0, import: 0 }, deletedBytes: 0, failed: 0 };

  const prunePage = async (page: Candidate[]) => {
    // Checked after the page was listed, right before deleting: a row saved meanwhile counts.
    const keep = await referencedKeys(
      page.map((file) => file.key),
      importCutoff,
    );
    result.referenced += keep.size;
    const orphans = page.filter((file) => !keep.has(file.key));
    const deleted: Candidate[] = [];
    await eachLimited(orphans, 8, async (file) => {
      try {
        await store.delete(file.key);
        deleted.push(file);
        result.deleted[file.kind] += 1;
        result.deletedBytes += file.size;
        log.info({ key: file.key, kind: file.kind, size: file.size, lastModified: file.lastModified.toISOString() }, "deleted an unreferenced upload");
      } catch (error) {
        result.failed += 1;
        log.warn({ key: file.key, err: error }, "could not delete an unreferenced upload; the next run tries again");
      }
    });
    // A row saved in the instant between the check and the delete would now point at nothing;
    // the savers make that all but impossible (see the top of this file), and if it ever
    // happens it must be loud, not silent.
    const late = await referencedKeys(
      deleted.map((file) => file.key),
      importCutoff,
    );
    for (const key of late) log.error({ key }, "an upload was referenced while it was being deleted: the row points at a missing file");
  };

  for (const prefix of PREFIXES) {
    let page: Candidate[] = [];
    for await (const file of store.list(prefix)) {
      result.scanned += 1;
      const kind = kindOf(file.key);
      if (!kind) {
        result.skipped += 1;
        continue;
      }
      if (file.lastModified.getTime() > cutoff.getTime()) {
        result.fresh += 1;
        continue;
      }
      page.push({ ...file, kind });
      if (page.length >= pageSize) {
        await prunePage(page);
        page = [];
      }
    }
    if (page.length) await prunePage(page);
  }

  const deleted = result.deleted.image + result.deleted.logo + result.deleted.import;
  log.info({ ...result, olderThanHours: olderThan / HOUR_MS }, `pruned ${deleted} unreferenced uploads`);
  return result;
}

// (A cron task's name may not contain dots.)
export const PRUNE_ORPHANED_FILES_TASK = "files:prune-orphans";
/** graphile-worker crontab line: daily at 03:41 UTC, a quiet hour off the round minute. */
export const PRUNE_ORPHANED_FILES_CRONTAB = `41 3 * * * ${PRUNE_ORPHANED_FILES_TASK} ?max=1`;

export const pruneOrphanedFilesTask: Task = async () => {
  await pruneOrphanedFiles();
};
