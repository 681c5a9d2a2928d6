// An import file as the worker applies it: chunks of rows, each applied in one transaction. The
// split depends only on the file, so a retried job finds the same chunks and resumes after the
// last one it committed.
import type { Prisma } from "@market/db";
import type { Db } from "../db.ts";
import { IMPORT_CHUNK_ROWS } from "./limits.ts";
import type { CsvRow } from "./csv.ts";
import { productPlan } from "./products.ts";
import { checkAndApplyStockPriceLines, planStockPriceImport } from "./stock-prices.ts";
import type { ImportKindName, RowError } from "./types.ts";

export type ImportChunk = {
  /** File rows in the chunk (good and bad); the job's `processed` moves by this much. */
  rowNumbers: number[];
  /** Problems found without the database. */
  knownErrors: RowError[];
  /** Checks the rest against the catalogue without changing anything (the preview). */
  check(db: Db, sellerId: string): Promise<RowError[]>;
} & (
  | {
      /** Applies the good rows inside the job's transaction, which also records the progress. */
      mode: "in-transaction";
      apply(tx: Prisma.TransactionClient, sellerId: string): Promise<RowError[]>;
    }
  | {
      /**
       * Applies the good rows through services that run their own transactions (product cards).
       * Re-applying a chunk after a crash must change nothing: the caller guarantees it.
       */
      mode: "own-transactions";
      apply(sellerId: string): Promise<RowError[]>;
    }
);

export type ImportPlan = { totalRows: number; columns: string[]; sample: CsvRow[]; chunks: ImportChunk[] };

export type ImportPlanner = (content: string | Buffer) => ImportPlan;

function stockPricePlan(content: string | Buffer): ImportPlan {
  const { lines, errors, parsed } = planStockPriceImport(content);
  const chunks: ImportChunk[] = [];
  for (let start = 0; start < parsed.rows.length; start += IMPORT_CHUNK_ROWS) {
    const rows = parsed.rows.slice(start, start + IMPORT_CHUNK_ROWS);
    const first = rows[0]!.row;
    const last = rows.at(-1)!.row;
    const inChunk = (row: number) => row >= first && row <= last;
    const chunkLines = lines.filter((line) => inChunk(line.row));
    chunks.push({
      rowNumbers: rows.map((row) => row.row),
      knownErrors: errors.filter((error) => inChunk(error.row)),
      check: async (db, sellerId) => (await checkAndApplyStockPriceLines(db, sellerId, chunkLines, null)).errors,
      mode: "in-transaction",
      apply: async (tx, sellerId) => (await checkAndApplyStockPriceLines(tx, sellerId, chunkLines, { tx })).errors,
    });
  }
  return { totalRows: parsed.rows.length, columns: parsed.columns, sample: parsed.rows.slice(0, 10), chunks };
}

const planners: Record<ImportKindName, ImportPlanner> = { STOCK_PRICES: stockPricePlan, PRODUCTS: productPlan };

export const planImport = (kind: ImportKindName, content: string | Buffer): ImportPlan => planners[kind](content);
