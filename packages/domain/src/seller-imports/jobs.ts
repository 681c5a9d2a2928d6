// The import as the seller drives it: upload → preview (every row checked, nothing changed) →
// start (the job row and its worker job written in one transaction) → progress → report.
// Every function checks that the user is a member of the shop; another shop's job is NOT_FOUND.
import { randomUUID } from "node:crypto";
import { getPrisma, type ImportKind, type ImportStatus } from "@market/db";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { AppError } from "../errors.ts";
import { getFileStore } from "../files/index.ts";
import { requireShopMember } from "../seller-dashboard/shop-access.ts";
import { IMPORT_KINDS, type ImportKindName, type RowError } from "./types.ts";
import { MAX_IMPORT_FILE_BYTES, PREVIEW_MAX_ERRORS, PREVIEW_SAMPLE_ROWS } from "./limits.ts";
import { planImport } from "./plan.ts";

export const SELLER_IMPORT_TASK = "seller-imports.run";
/** A job failing this many times (database down for long) is marked failed for the seller to retry. */
export const SELLER_IMPORT_MAX_ATTEMPTS = 8;

export const IMPORT_JOB_NOT_FOUND = "We could not find that import.";
const FILE_GONE = "The uploaded file has expired or was not found. Upload it again.";

const sellerId = z.uuid("Choose a shop");
const kind = z.enum(IMPORT_KINDS, "Choose what the file contains");

export const previewImportInput = z.strictObject({
  sellerId,
  kind,
  fileName: z.string().trim().min(1, "Choose a file").max(200, "The file name is too long"),
  content: z.string().max(MAX_IMPORT_FILE_BYTES, `The file is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB. Split it into smaller files.`),
});
export const startImportInput = z.strictObject({ sellerId, kind, fileKey: z.string().min(1).max(300) });
export const importJobInput = z.strictObject({ sellerId, importJobId: z.string().max(64) });
export const listImportJobsInput = z.strictObject({ sellerId });

export type PreviewImportInput = z.input<typeof previewImportInput>;
export type StartImportInput = z.input<typeof startImportInput>;
export type ImportJobInput = z.input<typeof importJobInput>;

export type ImportPreview = {
  fileKey: string;
  fileName: string;
  kind: ImportKindName;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  columns: string[];
  sample: { row: number; cells: Record<string, string> }[];
  errors: RowError[];
  errorCount: number;
};

export type ImportJobView = {
  id: string;
  kind: ImportKindName;
  status: ImportStatus;
  fileName: string;
  totalRows: number;
  processed: number;
  succeeded: number;
  failed: number;
  createdAt: Date;
  finishedAt: Date | null;
  /** Why the whole job failed (not a row's problem). */
  message: string | null;
};
export type ImportJobDetail = ImportJobView & { errors: RowError[]; errorCount: number };

/** Shown on the job page; the full list is the "Download errors" CSV. */
const JOB_ERRORS_SHOWN = 200;

// Keys are `imports/<shop>/<uuid>/<file name>.csv`: the shop in the path is what start checks.
const safeName = (name: string) =>
  (name.replace(/\.csv$/i, "").normalize("NFKD").replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80) || "import") + ".csv";
const keyPattern = (shopId: string) => new RegExp(`^imports/${shopId}/[0-9a-f-]{36}/[A-Za-z0-9_-][A-Za-z0-9._-]*\\.csv$`);
export const fileNameOfKey = (key: string) => key.slice(key.lastIndexOf("/") + 1);

const badRowCount = (errors: readonly RowError[]) => new Set(errors.map((error) => error.row)).size;

/** Parses and checks the whole file without changing anything, and keeps it for the import. */
export async function previewImport(userId: string, input: PreviewImportInput): Promise<ImportPreview> {
  const data = previewImportInput.parse(input);
  await requireShopMember(userId, data.sellerId);
  const plan = planImport(data.kind, data.content);

  const errors: RowError[] = [];
  for (const chunk of plan.chunks) {
    errors.push(...chunk.knownErrors, ...(await chunk.check(getPrisma(), data.sellerId)));
  }
  errors.sort((a, b) => a.row - b.row);
  const invalidRows = badRowCount(errors);

  const fileKey = `imports/${data.sellerId}/${randomUUID()}/${safeName(data.fileName)}`;
  await getFileStore().put(fileKey, Buffer.from(data.content, "utf8"), "text/csv; charset=utf-8");
  return {
    fileKey,
    fileName: data.fileName,
    kind: data.kind,
    totalRows: plan.totalRows,
    validRows: plan.totalRows - invalidRows,
    invalidRows,
    columns: plan.columns,
    sample: plan.sample.slice(0, PREVIEW_SAMPLE_ROWS),
    errors: errors.slice(0, PREVIEW_MAX_ERRORS),
    errorCount: errors.length,
  };
}

/**
 * Creates the job and queues the worker in one transaction: a job row never waits for a worker
 * job that was not written, and a refused start queues nothing. Starting the same upload twice
 * (a double click) answers the job already started.
 */
export async function startImport(userId: string, input: StartImportInput): Promise<ImportJobView> {
  const data = startImportInput.parse(input);
  await requireShopMember(userId, data.sellerId);
  if (!keyPattern(data.sellerId).test(data.fileKey)) throw new AppError("NOT_FOUND", FILE_GONE);
  const prisma = getPrisma();
  const existing = await prisma.importJob.findFirst({ where: { sellerId: data.sellerId, fileKey: data.fileKey }, select: { id: true } });
  if (existing) return getImportJobView(data.sellerId, existing.id);

  const file = await getFileStore().get(data.fileKey);
  if (!file) throw new AppError("NOT_FOUND", FILE_GONE);
  const plan = planImport(data.kind, file.body);

  const job = await prisma.$transaction(async (tx) => {
    const created = await tx.importJob.create({
      data: { sellerId: data.sellerId, kind: data.kind as ImportKind, fileKey: data.fileKey, totalRows: plan.totalRows, report: { errors: [] } },
      select: { id: true },
    });
    await tx.$executeRaw`
      SELECT graphile_worker.add_job(
        ${SELLER_IMPORT_TASK},
        json_build_object('importJobId', ${created.id}::text),
        job_key => ${`seller-import:${created.id}`},
        max_attempts => ${SELLER_IMPORT_MAX_ATTEMPTS}
      )`;
    return created;
  });
  return getImportJobView(data.sellerId, job.id);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type JobRow = {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  fileKey: string;
  totalRows: number;
  processed: number;
  succeeded: number;
  failed: number;
  createdAt: Date;
  finishedAt: Date | null;
  message: string | null;
};

const view = (row: JobRow): ImportJobView => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  fileName: fileNameOfKey(row.fileKey),
  totalRows: row.totalRows,
  processed: row.processed,
  succeeded: row.succeeded,
  failed: row.failed,
  createdAt: row.createdAt,
  finishedAt: row.finishedAt,
  message: row.message,
});

async function getImportJobView(shopId: string, importJobId: string): Promise<ImportJobView> {
  return view(await findJob(shopId, importJobId, 0));
}

async function findJob(shopId: string, importJobId: string, errorsShown: number): Promise<JobRow & { errors: RowError[]; errorCount: number }> {
  if (!UUID.test(importJobId)) throw new AppError("NOT_FOUND", IMPORT_JOB_NOT_FOUND);
  // Only a page of the errors leaves the database: the page polls this while the job runs.
  const rows = await getPrisma().$queryRaw<(JobRow & { errors: RowError[] | null; errorCount: number })[]>`
    SELECT id, kind, status, "fileKey", "totalRows", processed, succeeded, failed, "createdAt", "finishedAt",
           report->>'message' AS message,
           coalesce(jsonb_array_length(report->'errors'), 0)::int AS "errorCount",
           (SELECT jsonb_agg(e ORDER BY n) FROM jsonb_array_elements(coalesce(report->'errors', '[]'::jsonb)) WITH ORDINALITY AS x(e, n) WHERE n <= ${errorsShown}) AS errors
      FROM "ImportJob" WHERE id = ${importJobId}::uuid AND "sellerId" = ${shopId}::uuid`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", IMPORT_JOB_NOT_FOUND);
  return { ...row, errors: row.errors ?? [] };
}

export async function getImportJob(userId: string, input: ImportJobInput): Promise<ImportJobDetail> {
  const data = importJobInput.parse(input);
  await requireShopMember(userId, data.sellerId);
  const row = await findJob(data.sellerId, data.importJobId, JOB_ERRORS_SHOWN);
  return { ...view(row), errors: row.errors, errorCount: row.errorCount };
}

export async function listImportJobs(userId: string, input: z.input<typeof listImportJobsInput>): Promise<ImportJobView[]> {
  const data = listImportJobsInput.parse(input);
  await requireShopMember(userId, data.sellerId);
  const rows = await getPrisma().$queryRaw<JobRow[]>`
    SELECT id, kind, status, "fileKey", "totalRows", processed, succeeded, failed, "createdAt", "finishedAt", report->>'message' AS message
      FROM "ImportJob" WHERE "sellerId" = ${data.sellerId}::uuid ORDER BY "createdAt" DESC LIMIT 20`;
  return rows.map(view);
}

/** Every problem of the job as CSV (row, column, message), for the seller to fix the file. */
export async function importErrorsCsv(userId: string, input: ImportJobInput): Promise<{ fileName: string; csv: string }> {
  const data = importJobInput.parse(input);
  await requireShopMember(userId, data.sellerId);
  const row = await findJob(data.sellerId, data.importJobId, Number.MAX_SAFE_INTEGER);
  const csv = stringify(row.errors.map((error) => [error.row, error.column, error.message]), { header: true, columns: ["row", "column", "message"], bom: true });
  return { fileName: fileNameOfKey(row.fileKey).replace(/\.csv$/, "-errors.csv"), csv };
}
