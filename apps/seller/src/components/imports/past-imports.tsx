"use client";
// The shop's recent imports, refreshed while one of them runs.
import type { ImportJobView } from "@market/domain/seller-imports";
import { useTRPC } from "@market/web/trpc-client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { KIND_LABEL, numberFormat } from "./types";

type Job = ImportJobView;

const STATUS: Record<Job["status"], { label: string; className: string }> = {
  PENDING: { label: "Waiting", className: "bg-gray-100 text-gray-800" },
  RUNNING: { label: "Running", className: "bg-sky-50 text-sky-900" },
  COMPLETED: { label: "Finished", className: "bg-emerald-50 text-emerald-800" },
  FAILED: { label: "Stopped", className: "bg-rose-50 text-rose-900" },
};

const dateTime = (at: Date) => at.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function PastImports({ sellerId, shopQuery, initial }: { sellerId: string; shopQuery: string; initial: Job[] }) {
  const trpc = useTRPC();
  const jobs = useQuery({
    ...trpc.sellerImports.list.queryOptions({ sellerId }),
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.some((job) => job.status === "PENDING" || job.status === "RUNNING") ? 2000 : false),
  });
  const list = jobs.data ?? initial;

  return (
    <section aria-labelledby="past-imports-title" className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm sm:p-6">
      <h2 id="past-imports-title" className="text-lg font-semibold">Recent imports</h2>
      {list.length === 0 ? (
        <p className="text-muted">No imports yet. Choose a file above to start one.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">Recent imports</caption>
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-2 pr-4">File</th>
                <th scope="col" className="py-2 pr-4">Contents</th>
                <th scope="col" className="py-2 pr-4">Started</th>
                <th scope="col" className="py-2 pr-4">Status</th>
                <th scope="col" className="py-2 pr-4">Rows applied / with problems</th>
                <th scope="col" className="py-2"><span className="sr-only">Report</span></th>
              </tr>
            </thead>
            <tbody>
              {list.map((job) => (
                <tr key={job.id} className="border-t border-gray-100 align-top">
                  <th scope="row" className="py-2 pr-4 font-medium break-all">{job.fileName}</th>
                  <td className="py-2 pr-4">{KIND_LABEL[job.kind]}</td>
                  <td className="py-2 pr-4 whitespace-nowrap"><time dateTime={job.createdAt.toISOString()}>{dateTime(job.createdAt)}</time></td>
                  <td className="py-2 pr-4 whitespace-nowrap">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS[job.status].className}`}>{STATUS[job.status].label}</span>
                    {job.status === "RUNNING" ? <span className="ml-2 text-xs text-muted tabular-nums">{numberFormat(job.processed)} / {numberFormat(job.totalRows)}</span> : null}
                  </td>
                  <td className="py-2 pr-4 tabular-nums">{numberFormat(job.succeeded)} / {numberFormat(job.failed)}</td>
                  <td className="py-2 text-right">
                    <Link href={`/imports?${shopQuery}&job=${job.id}`} className="font-medium text-brand-600 underline" aria-label={`View import of ${job.fileName}, started ${dateTime(job.createdAt)}`}>
                      View
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
