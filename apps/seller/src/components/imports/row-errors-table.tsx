import { numberFormat, type RowErrorView } from "./types";

/** The validation report: one line per problem, with the spreadsheet row and the column. */
export function RowErrorsTable({ errors, total, caption }: { errors: RowErrorView[]; total: number; caption: string }) {
  if (errors.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      <div className="relative max-h-96 overflow-auto rounded-xl border border-gray-200">
        <table className="w-full min-w-[32rem] text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-gray-50 text-muted">
            <tr>
              <th scope="col" className="px-3 py-2">Row</th>
              <th scope="col" className="px-3 py-2">Column</th>
              <th scope="col" className="px-3 py-2">Problem</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((error, index) => (
              <tr key={`${error.row}-${error.column}-${index}`} className="border-t border-gray-100 align-top">
                <td className="px-3 py-2 tabular-nums">{error.row}</td>
                <td className="px-3 py-2 font-mono text-xs">{error.column}</td>
                <td className="px-3 py-2">{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > errors.length ? <p className="text-xs text-muted">Showing the first {numberFormat(errors.length)} of {numberFormat(total)} problems.</p> : null}
    </div>
  );
}
