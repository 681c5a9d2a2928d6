// Sellers' CSV imports, queued by startImport in the transaction that created the ImportJob. The
// task resumes a job after the last chunk it committed, so a retry (or a second delivery) never
// applies a chunk twice; see packages/domain/src/seller-imports/run-import.ts.
import { createSellerImportTask, SELLER_IMPORT_TASK } from "@market/domain/seller-imports";
import type { TaskList } from "graphile-worker";

export const sellerImportTaskList: TaskList = { [SELLER_IMPORT_TASK]: createSellerImportTask() };
