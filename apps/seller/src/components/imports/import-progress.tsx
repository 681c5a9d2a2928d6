"use client";
// One import as it runs and after: a progress bar fed by polling (the worker records progress
// after every chunk), then the report with a download of every problem as CSV.
import { Alert, Spinner } from "@market/ui";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId } from "react";
import { RowErrorsTable } from "./row-errors-table";
import { KIND_LABEL, numberFormat } from "./types";

const POLL_MS = 1000;

export function ImportProgress({ sellerId, importJobId, shopQuery }: { sellerId: string; importJobId: string; shopQuery: string }) {
  const trpc = useTRPC();
  const id = useId();
  const job = useQuery({
    ...trpc.sellerImports.get.queryOptions({ sellerId, importJobId }),
    refetchInterval: (query) => (query.state.data && (query.state.data.status === "PENDING" || query.state.data.status === "RUNNING") ? POLL_MS : false),
    retry: (failures, error) => describeError(error).message !== "We could not find that import." && failures < 3,
  });
  const queryClient = useQueryClient();
  const finished = job.data?.status === "COMPLETED" || job.data?.status === "FAILED";
  // The list of recent imports shows this job's outcome as soon as it is known.
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: trpc.sellerImports.list.queryKey({ sellerId }) });
  }, [finished, queryClient, trpc, sellerId]);
  const backLink = (
    <Link href={`/imports?${shopQuery}`} className="font-medium text-brand-600 underline">
      Start another import
    </Link>
  );

  if (job.isPending) {
    return (
      <section className="rounded-2xl bg-white p-4 shadow-sm sm:p-6">
        <Spinner label="Loading the import…" />
      </section>
    );
  }
  if (job.isError) {
    return (
      <section className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm sm:p-6">
        <Alert tone="error">{describeError(job.error).message}</Alert>
        <p>{backLink}</p>
      </section>
    );
  }

  const data = job.data;
  const running = data.status === "PENDING" || data.status === "RUNNING";
  const percent = data.totalRows > 0 ? Math.round((data.processed / data.totalRows) * 100) : 0;
  const statusText =
    data.status === "PENDING" ? "Waiting to start…" : data.status === "RUNNING" ? "Importing…" : data.status === "COMPLETED" ? "Finished" : "Stopped";

  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-4 rounded-2xl bg-white p-4 shadow-sm sm:p-6">
      <div className="flex flex-col gap-1">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          Import of {data.fileName}
        </h2>
        <p className="text-sm text-muted">{KIND_LABEL[data.kind]} · {numberFormat(data.totalRows)} rows</p>
      </div>

      <div className="flex flex-col gap-2">
        <div className="flex items-center justify-between text-sm">
          <span aria-live="polite">{statusText}</span>
          <span className="tabular-nums">{percent}%</span>
        </div>
        <div
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={data.totalRows}
          aria-valuenow={data.processed}
          aria-valuetext={`${numberFormat(data.processed)} of ${numberFormat(data.totalRows)} rows processed`}
          className="h-3 w-full overflow-hidden rounded-full bg-gray-100"
        >
          <div className={`h-full rounded-full transition-[width] ${data.status === "FAILED" ? "bg-rose-500" : "bg-brand-600"}`} style={{ width: `${percent}%` }} />
        </div>
        <dl className="grid grid-cols-3 gap-3 text-sm sm:max-w-lg">
          <div>
            <dt className="text-muted">Processed</dt>
            <dd className="font-semibold tabular-nums">{numberFormat(data.processed)}</dd>
          </div>
          <div>
            <dt className="text-muted">Applied</dt>
            <dd className="font-semibold tabular-nums">{numberFormat(data.succeeded)}</dd>
          </div>
          <div>
            <dt className="text-muted">With problems</dt>
            <dd className="font-semibold tabular-nums">{numberFormat(data.failed)}</dd>
          </div>
        </dl>
      </div>

      {data.status === "COMPLETED" ? (
        <Alert tone={data.failed > 0 ? "warning" : "success"} title="Import finished">
          {numberFormat(data.succeeded)} {data.succeeded === 1 ? "row was" : "rows were"} applied
          {data.failed > 0 ? `; ${numberFormat(data.failed)} ${data.failed === 1 ? "row was" : "rows were"} skipped because of the problems below.` : "."}
        </Alert>
      ) : null}
      {data.status === "FAILED" ? <Alert tone="error" title="The import stopped">{data.message ?? "Something went wrong on our side."}</Alert> : null}
      {running ? <p className="text-sm text-muted">You can leave this page: the import continues in the background.</p> : null}

      {data.errorCount > 0 ? (
        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="text-base font-semibold">Problems</h3>
            <a
              href={`/api/exports/import-errors.csv?sellerId=${sellerId}&importJobId=${data.id}`}
              download
              className="inline-flex min-h-11 items-center rounded-xl border border-gray-300 bg-white px-4 text-sm font-semibold hover:bg-gray-50"
            >
              Download errors as CSV
            </a>
          </div>
          <RowErrorsTable errors={data.errors} total={data.errorCount} caption="Problems in the imported file" />
        </div>
      ) : null}

      <p className="text-sm">{backLink}</p>
    </section>
  );
}
