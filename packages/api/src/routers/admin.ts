import { jobCounts, listJobs, listJobsInput, retryJob, retryJobInput } from "@market/domain/system";
import { adminProcedure, router } from "../trpc.ts";

/** Operators only: the job queue (outbox deliveries, expiries, reconciliation, indexing). */
export const adminRouter = router({
  jobCounts: adminProcedure.query(() => jobCounts()),
  jobs: adminProcedure.input(listJobsInput).query(({ input }) => listJobs(input)),
  retryJob: adminProcedure.input(retryJobInput).mutation(({ input }) => retryJob(input)),
});
