import {
  getImportJob,
  importJobInput,
  listImportCategories,
  listImportJobs,
  listImportJobsInput,
  previewImport,
  previewImportInput,
  startImport,
  startImportInput,
} from "@market/domain/seller-imports";
import { router, sellerProcedure } from "../trpc.ts";

/**
 * CSV imports of the seller's shop: preview (checks every row, changes nothing), start (queues the
 * background job), progress and report. Shop membership is checked in the domain; another shop's
 * job is NOT_FOUND. The errors CSV and the catalogue export are plain GET downloads (http/exports).
 */
export const sellerImportsRouter = router({
  preview: sellerProcedure.input(previewImportInput).mutation(({ ctx, input }) => previewImport(ctx.user.id, input)),
  start: sellerProcedure.input(startImportInput).mutation(({ ctx, input }) => startImport(ctx.user.id, input)),
  get: sellerProcedure.input(importJobInput).query(({ ctx, input }) => getImportJob(ctx.user.id, input)),
  list: sellerProcedure.input(listImportJobsInput).query(({ ctx, input }) => listImportJobs(ctx.user.id, input)),
  /** Category codes and characteristic keys for product files (the public catalogue tree). */
  categories: sellerProcedure.query(() => listImportCategories()),
});
