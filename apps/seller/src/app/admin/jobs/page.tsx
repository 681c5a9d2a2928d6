// Operators' view of the job queue: outbox deliveries, reservation expiries, payment
// reconciliation and search indexing. Failing jobs are retried by the worker with backoff; dead
// ones (out of attempts) wait here for someone to fix the cause and run them again.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@market/auth";
import { JOB_STATES, type JobState } from "@market/domain/system";
import { serverCaller } from "@market/web/trpc-server";
import { RetryJobButton } from "../../../components/retry-job-button";

export const metadata: Metadata = { title: "Jobs" };

const LABEL: Record<JobState, string> = { queued: "Queued", running: "Running", failing: "Failing (will retry)", dead: "Dead (out of attempts)" };

export default async function JobsPage({ searchParams }: { searchParams: Promise<{ state?: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/admin/jobs");
  if (user.role !== "ADMIN") {
    return (
      <div role="alert" className="mx-auto max-w-md py-16 text-center">
        <h1 className="text-2xl font-bold">Operators only</h1>
        <p className="text-muted">This page is for the marketplace's operators.</p>
      </div>
    );
  }
  const requested = (await searchParams).state;
  const state: JobState = JOB_STATES.includes(requested as JobState) ? (requested as JobState) : "failing";
  const api = await serverCaller("seller");
  const [counts, jobs] = await Promise.all([api.admin.jobCounts(), api.admin.jobs({ state, limit: 100 })]);

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Jobs</h1>
      <nav aria-label="Job states" className="flex flex-wrap gap-2">
        {JOB_STATES.map((s) => (
          <Link
            key={s}
            href={`/admin/jobs?state=${s}`}
            aria-current={s === state ? "page" : undefined}
            className={`rounded-full px-4 py-2 text-sm font-medium ${s === state ? "bg-ink text-white" : "bg-white shadow-sm hover:bg-gray-100"}`}
          >
            {LABEL[s]} · {counts[s]}
          </Link>
        ))}
      </nav>

      <section aria-labelledby="by-task" className="relative overflow-x-auto rounded-2xl bg-white p-4 shadow-sm">
        <h2 id="by-task" className="mb-2 font-semibold">By task</h2>
        {counts.byTask.length === 0 ? (
          <p className="text-muted">The queue is empty.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-muted">
              <tr><th className="py-1 pr-4">Task</th>{JOB_STATES.map((s) => <th key={s} className="py-1 pr-4 text-right">{LABEL[s].split(" ")[0]}</th>)}</tr>
            </thead>
            <tbody>
              {counts.byTask.map((task) => (
                <tr key={task.task} className="border-t border-gray-100">
                  <td className="py-1 pr-4 font-mono">{task.task}</td>
                  {JOB_STATES.map((s) => <td key={s} className="py-1 pr-4 text-right tabular-nums">{task[s]}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="list-title" className="relative overflow-x-auto rounded-2xl bg-white p-4 shadow-sm">
        <h2 id="list-title" className="mb-2 font-semibold">{LABEL[state]}</h2>
        {jobs.length === 0 ? (
          <p className="text-muted">No {LABEL[state].toLowerCase()} jobs.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-muted">
              <tr>
                <th className="py-1 pr-4">Job</th>
                <th className="py-1 pr-4">Attempts</th>
                <th className="py-1 pr-4">Next run</th>
                <th className="py-1 pr-4">Last error</th>
                <th className="py-1"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id} className="border-t border-gray-100 align-top">
                  <td className="py-2 pr-4"><span className="font-mono">{job.task}</span><br /><span className="text-xs text-muted">#{job.id}{job.key ? ` · ${job.key}` : ""}</span></td>
                  <td className="py-2 pr-4 tabular-nums">{job.attempts} / {job.maxAttempts}</td>
                  <td className="py-2 pr-4"><time dateTime={job.runAt.toISOString()}>{job.runAt.toLocaleString("en-GB", { dateStyle: "short", timeStyle: "medium" })}</time></td>
                  <td className="max-w-md py-2 pr-4"><pre className="whitespace-pre-wrap break-words font-mono text-xs text-red-800">{job.lastError ?? "–"}</pre></td>
                  <td className="py-2">{job.state === "failing" || job.state === "dead" ? <RetryJobButton id={job.id} task={job.task} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
