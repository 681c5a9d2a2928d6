// The worker's side of an import: applies the file chunk by chunk, recording progress after each
// one so the seller's page can show it. A chunk's rows and the job's counters are written in one
// transaction, so a job retried after a crash resumes after the last committed chunk and never
// applies one twice; the job row is locked while a chunk runs, so two workers cannot interleave.
import { getPrisma, ImportStatus } from "@market/db";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { isAppError } from "../errors.ts";
import type { Db } from "../db.ts";
import { getFileStore } from "../files/index.ts";
import { SELLER_IMPORT_MAX_ATTEMPTS } from "./jobs.ts";
import { planImport, type ImportChunk, type ImportPlan } from "./plan.ts";
import type { RowError } from "./types.ts";

export type ImportProgress = { processed: number; succeeded: number; failed: number; totalRows: number };
export type RunImportOptions = { afterChunk?: (progress: ImportProgress) => Promise<void> | void };

const FILE_MISSING = "The uploaded file could not be read any more. Upload it again.";
const GAVE_UP = "The import stopped after repeated failures on our side. Rows counted as processed were applied; upload the file again to finish.";

async function finish(id: string, status: ImportStatus, message?: string): Promise<void> {
  const prisma = getPrisma();
  if (message) {
    await prisma.$executeRaw`
      UPDATE "ImportJob" SET status = ${status}::"ImportStatus", "finishedAt" = now(),
             report = jsonb_set(coalesce(report, '{}'::jsonb), '{message}', to_jsonb(${message}::text))
       WHERE id = ${id}::uuid`;
  } else {
    await prisma.importJob.update({ where: { id }, data: { status, finishedAt: new Date() } });
  }
}

/** Records one chunk's outcome, only if no other run recorded it first (the processed guard). */
async function recordChunk(db: Db, id: string, start: number, chunk: ImportChunk, errors: RowError[]): Promise<void> {
  const failed = new Set(errors.map((error) => error.row)).size;
  const rows = chunk.rowNumbers.length;
  await db.$executeRaw`
    UPDATE "ImportJob"
       SET processed = processed + ${rows}, succeeded = succeeded + ${rows - failed}, failed = failed + ${failed},
           report = jsonb_set(coalesce(report, '{}'::jsonb), '{errors}', coalesce(report->'errors', '[]'::jsonb) || ${JSON.stringify(errors)}::jsonb)
     WHERE id = ${id}::uuid AND processed = ${start}`;
}

const lockedProcessed = async (db: Db, id: string) =>
  (await db.$queryRaw<{ processed: number }[]>`SELECT processed FROM "ImportJob" WHERE id = ${id}::uuid FOR UPDATE`)[0]?.processed;

/** Runs (or resumes) one import job to the end. Safe to call again for the same job. */
export async function runImportJob(importJobId: string, options: RunImportOptions = {}): Promise<void> {
  const prisma = getPrisma();
  const job = await prisma.importJob.findUnique({ where: { id: importJobId }, select: { id: true, sellerId: true, kind: true, status: true, fileKey: true } });
  if (!job || job.status === ImportStatus.COMPLETED || job.status === ImportStatus.FAILED) return;
  if (job.status === ImportStatus.PENDING) await prisma.importJob.update({ where: { id: job.id }, data: { status: ImportStatus.RUNNING } });

  const file = await getFileStore().get(job.fileKey);
  if (!file) return finish(job.id, ImportStatus.FAILED, FILE_MISSING);
  let plan: ImportPlan;
  try {
    plan = planImport(job.kind, file.body);
  } catch (error) {
    // The file was checked at upload; a problem now is permanent, so it is reported, not retried.
    if (isAppError(error)) return finish(job.id, ImportStatus.FAILED, error.message);
    throw error;
  }

  let start = 0;
  for (const chunk of plan.chunks) {
    const rows = chunk.rowNumbers.length;
    const chunkStart = start;
    start += rows;
    const current = await prisma.importJob.findUniqueOrThrow({ where: { id: job.id }, select: { processed: true } });
    if (current.processed >= start) continue; // committed by an earlier run

    if (chunk.mode === "in-transaction") {
      await prisma.$transaction(
        async (tx) => {
          if ((await lockedProcessed(tx, job.id)) !== chunkStart) return;
          const errors = await chunk.apply(tx, job.sellerId);
          await recordChunk(tx, job.id, chunkStart, chunk, [...chunk.knownErrors, ...errors].sort((a, b) => a.row - b.row));
        },
        { timeout: 120_000, maxWait: 30_000 },
      );
    } else {
      const errors = await chunk.apply(job.sellerId);
      await prisma.$transaction(async (tx) => {
        if ((await lockedProcessed(tx, job.id)) !== chunkStart) return;
        await recordChunk(tx, job.id, chunkStart, chunk, [...chunk.knownErrors, ...errors].sort((a, b) => a.row - b.row));
      });
    }
    if (options.afterChunk) {
      const progress = await prisma.importJob.findUniqueOrThrow({ where: { id: job.id }, select: { processed: true, succeeded: true, failed: true, totalRows: true } });
      await options.afterChunk(progress);
    }
  }
  await finish(job.id, ImportStatus.COMPLETED);
}

const payloadSchema = z.object({ importJobId: z.uuid() });

/** The graphile-worker task; a job that keeps failing is marked FAILED on its last attempt. */
export function createSellerImportTask(options: RunImportOptions = {}): Task {
  return async (payload, helpers) => {
    const { importJobId } = payloadSchema.parse(payload);
    try {
      await runImportJob(importJobId, options);
    } catch (error) {
      if (helpers.job.attempts >= (helpers.job.max_attempts ?? SELLER_IMPORT_MAX_ATTEMPTS)) await finish(importJobId, ImportStatus.FAILED, GAVE_UP).catch(() => undefined);
      throw error;
    }
    helpers.logger.info(`seller import ${importJobId} finished`);
  };
}
