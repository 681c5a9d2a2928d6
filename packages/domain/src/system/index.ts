export { checkHealth, type Health, type ComponentHealth } from "./check-health.ts";
export { jobCounts, listJobs, listJobsInput, retryJob, retryJobInput, JOB_STATES, type JobCounts, type JobState, type JobView } from "./jobs.ts";
