"use client";
// Upload → preview → start. The server parses and checks every row (nothing changes yet) and
// keeps the file; "Start import" queues the background job and the page follows its progress.
import { Alert, Button } from "@market/ui";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { ImportProgress } from "./import-progress";
import { RowErrorsTable } from "./row-errors-table";
import { KIND_LABEL, numberFormat, type CategoryDoc, type ImportKindName, type KindDocs } from "./types";

type Props = {
  sellerId: string;
  shopQuery: string;
  openJobId: string | null;
  maxBytes: number;
  kinds: KindDocs;
  categories: CategoryDoc[];
};

function downloadText(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob(["\uFEFF", text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ImportWorkspace({ sellerId, shopQuery, openJobId, maxBytes, kinds, categories }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<ImportKindName>("STOCK_PRICES");
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const preview = useMutation(trpc.sellerImports.preview.mutationOptions());
  const start = useMutation(
    trpc.sellerImports.start.mutationOptions({
      onSuccess: async (job) => {
        await queryClient.invalidateQueries({ queryKey: trpc.sellerImports.list.queryKey({ sellerId }) });
        router.push(`/imports?${shopQuery}&job=${job.id}`);
      },
    }),
  );

  if (openJobId) {
    return <ImportProgress sellerId={sellerId} importJobId={openJobId} shopQuery={shopQuery} />;
  }

  const reset = () => {
    preview.reset();
    start.reset();
    setFileError(null);
    if (fileInput.current) fileInput.current.value = "";
  };

  const onFile = async (file: File | undefined) => {
    preview.reset();
    start.reset();
    setFileError(null);
    if (!file) return;
    // Checked here to spare a long upload; the server checks the same limits.
    if (!/\.(csv|txt)$/i.test(file.name)) return setFileError("Choose a .csv file. In Excel use “Save as” → “CSV UTF-8”.");
    if (file.size > maxBytes) return setFileError(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${maxBytes / 1024 / 1024} MB. Split it into smaller files.`);
    if (file.size === 0) return setFileError("The file is empty. Add a header row and at least one row of data.");
    setReading(true);
    try {
      const content = await file.text();
      preview.mutate({ sellerId, kind, fileName: file.name, content });
    } catch {
      setFileError("We could not read that file. Choose it again.");
    } finally {
      setReading(false);
    }
  };

  const failure = preview.error ? describeError(preview.error) : null;
  const error = fileError ?? failure?.fields.content ?? failure?.fields.fileName ?? failure?.message ?? null;
  const result = preview.data;
  const docs = kinds[kind];

  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-5 rounded-2xl bg-white p-4 shadow-sm sm:p-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold">Import</h2>

      <fieldset className="flex flex-col gap-2" disabled={preview.isPending || reading}>
        <legend className="text-sm font-medium">What does the file contain?</legend>
        <div className="flex flex-wrap gap-4">
          {(Object.keys(KIND_LABEL) as ImportKindName[]).map((value) => (
            <label key={value} className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="radio"
                name={`${id}-kind`}
                value={value}
                checked={kind === value}
                onChange={() => {
                  setKind(value);
                  reset();
                }}
                className="size-4"
              />
              {KIND_LABEL[value]}
            </label>
          ))}
        </div>
      </fieldset>

      <details className="rounded-xl border border-gray-200 p-3 text-sm">
        <summary className="cursor-pointer font-medium">Columns of the {KIND_LABEL[kind].toLowerCase()} file</summary>
        <div className="mt-3 flex flex-col gap-3">
          <p className="text-muted">
            {kind === "STOCK_PRICES"
              ? "One row per SKU and warehouse. Include the columns you want to change: warehouse and quantity for stock, price (and discount_price) for prices, or all of them. A value is needed in every column you include, except discount_price."
              : "One row per variant (size and colour). Rows with the same article make one product card; card fields may be given on the first row only. Cards whose SKUs are already in your shop are updated (pictures and stock are kept, SKUs left out are switched off); others are created as drafts for you to check and publish."}
          </p>
          <div className="relative overflow-x-auto">
            <table className="w-full text-left">
              <caption className="sr-only">Columns of the {KIND_LABEL[kind].toLowerCase()} file</caption>
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-1 pr-4">Column</th>
                  <th scope="col" className="py-1 pr-4">Required</th>
                  <th scope="col" className="py-1">Meaning</th>
                </tr>
              </thead>
              <tbody>
                {docs.columns.map((column) => (
                  <tr key={column.name} className="border-t border-gray-100 align-top">
                    <th scope="row" className="py-1 pr-4 font-mono text-xs font-normal">{column.name}</th>
                    <td className="py-1 pr-4">{column.required ? "Yes" : "No"}</td>
                    <td className="py-1">{column.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {kind === "PRODUCTS" ? (
            <details className="rounded-lg bg-gray-50 p-2">
              <summary className="cursor-pointer">Category codes and characteristic keys</summary>
              {categories.length === 0 ? (
                <p className="mt-2 text-muted">No categories yet.</p>
              ) : (
                <ul className="mt-2 flex max-h-72 flex-col gap-1 overflow-auto">
                  {categories.map((category) => (
                    <li key={category.slug}>
                      <span className="font-mono text-xs">{category.slug}</span> {category.name}
                      {category.hasSizes ? " · has sizes" : ""}
                      {category.characteristics.length ? (
                        <span className="text-muted"> · {category.characteristics.map((c) => `char:${c.key}${c.required ? " (required)" : ""}`).join(", ")}</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </details>
          ) : null}
          <div>
            <Button type="button" variant="secondary" onClick={() => downloadText(kind === "PRODUCTS" ? "products-template.csv" : "stock-prices-template.csv", docs.template)}>
              Download {KIND_LABEL[kind].toLowerCase()} template
            </Button>
          </div>
        </div>
      </details>

      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="text-sm font-medium">CSV file</label>
        <input
          ref={fileInput}
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${id}-file-hint${error ? ` ${id}-file-error` : ""}`}
          aria-invalid={error ? true : undefined}
          disabled={preview.isPending || reading || start.isPending}
          onChange={(event) => void onFile(event.target.files?.[0])}
          className="block w-full max-w-md text-sm file:mr-3 file:min-h-11 file:rounded-xl file:border file:border-gray-300 file:bg-white file:px-4 file:font-semibold hover:file:bg-gray-50"
        />
        <p id={`${id}-file-hint`} className="text-xs text-muted">
          Up to {maxBytes / 1024 / 1024} MB. Nothing changes until you start the import: first you see what would happen.
        </p>
        {error ? (
          <p id={`${id}-file-error`} role="alert" className="text-sm text-rose-700">
            {error}
          </p>
        ) : null}
      </div>

      {preview.isPending || reading ? (
        <p role="status" className="text-sm text-muted">Checking the file…</p>
      ) : null}

      {result ? (
        <section aria-labelledby={`${id}-preview`} className="flex flex-col gap-4 border-t border-gray-100 pt-4">
          <h3 id={`${id}-preview`} className="text-base font-semibold">Preview of {result.fileName}</h3>
          <dl className="grid grid-cols-3 gap-3 text-sm sm:max-w-lg">
            <div className="rounded-xl bg-gray-50 p-3">
              <dt className="text-muted">Rows</dt>
              <dd className="text-lg font-semibold tabular-nums">{numberFormat(result.totalRows)}</dd>
            </div>
            <div className="rounded-xl bg-emerald-50 p-3">
              <dt className="text-emerald-900">Valid</dt>
              <dd className="text-lg font-semibold tabular-nums">{numberFormat(result.validRows)}</dd>
            </div>
            <div className="rounded-xl bg-rose-50 p-3">
              <dt className="text-rose-900">With problems</dt>
              <dd className="text-lg font-semibold tabular-nums">{numberFormat(result.invalidRows)}</dd>
            </div>
          </dl>

          <div className="relative overflow-x-auto rounded-xl border border-gray-200">
            <table className="w-full text-left text-xs">
              <caption className="px-3 py-2 text-left text-sm font-medium">First rows of the file</caption>
              <thead className="bg-gray-50 text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2">Row</th>
                  {result.columns.map((column) => (
                    <th key={column} scope="col" className="px-3 py-2 font-mono">{column}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.sample.map((row) => (
                  <tr key={row.row} className="border-t border-gray-100 align-top">
                    <td className="px-3 py-2 tabular-nums">{row.row}</td>
                    {result.columns.map((column) => (
                      <td key={column} className="max-w-48 truncate px-3 py-2" title={row.cells[column]}>{row.cells[column]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          {result.errorCount > 0 ? (
            <div className="flex flex-col gap-2">
              <h4 className="text-sm font-semibold">Problems found</h4>
              <p className="text-sm text-muted">Rows with problems are skipped; the valid rows are applied. Fix them in your file and import it again, or start now.</p>
              <RowErrorsTable errors={result.errors} total={result.errorCount} caption="Problems found in the file" />
            </div>
          ) : (
            <Alert tone="success">Every row is valid.</Alert>
          )}

          {start.error ? <Alert tone="error">{describeError(start.error).message}</Alert> : null}
          <div className="flex flex-wrap gap-3">
            <Button
              type="button"
              busy={start.isPending}
              disabled={result.validRows === 0}
              onClick={() => start.mutate({ sellerId, kind: result.kind, fileKey: result.fileKey })}
            >
              Start import
            </Button>
            <Button type="button" variant="secondary" onClick={reset}>
              Choose another file
            </Button>
          </div>
          {result.validRows === 0 ? <p className="text-sm text-muted">No row can be applied: fix the file and choose it again.</p> : null}
        </section>
      ) : null}
    </section>
  );
}
