// GET downloads of the seller portal: the shop's catalogue as CSV (`/api/exports/catalog.csv?sellerId=`)
// and an import's problems as CSV (`/api/exports/import-errors.csv?sellerId=&importJobId=`).
// Signed-in shop members only: no session 401, not a seller 403, another shop (or its job) 404,
// like a missing one. The catalogue streams page by page.
import { isAppError } from "@market/domain";
import { catalogCsvRows, importErrorsCsv } from "@market/domain/seller-imports";
import { ZodError } from "zod";
import type { SessionUser } from "../../context.ts";

export type ExportKind = "catalog" | "import-errors";

export type ExportHandlerOptions = {
  kind: ExportKind;
  getUser: (request: Request) => Promise<SessionUser | null>;
  log?: (fields: Record<string, unknown>) => void;
};

const STATUS = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429, UNAVAILABLE: 503 } as const;

const plain = (status: number, message: string) =>
  new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });

const csvHeaders = (fileName: string) => ({
  "content-type": "text/csv; charset=utf-8",
  // The name is ours (a slug), so it needs no escaping beyond the quotes.
  "content-disposition": `attachment; filename="${fileName}"`,
  "cache-control": "private, no-store",
  "x-content-type-options": "nosniff",
});

export function createExportHandler(options: ExportHandlerOptions) {
  return async function handle(request: Request): Promise<Response> {
    if (request.method !== "GET") return plain(405, "Use GET.");
    const user = await options.getUser(request);
    if (!user) return plain(401, "Sign in to download this file.");
    if (user.role !== "SELLER") return plain(403, "Only sellers can download this file.");
    const params = new URL(request.url).searchParams;
    const sellerId = params.get("sellerId") ?? "";
    try {
      if (options.kind === "catalog") {
        const { fileName, rows } = await catalogCsvRows(user.id, { sellerId });
        const encoder = new TextEncoder();
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            try {
              const next = await rows.next();
              if (next.done) controller.close();
              else controller.enqueue(encoder.encode(next.value));
            } catch (error) {
              options.log?.({ message: "catalogue export failed", error: String(error) });
              controller.error(error);
            }
          },
          async cancel() {
            await rows.return(undefined);
          },
        });
        return new Response(body, { status: 200, headers: csvHeaders(fileName) });
      }
      const { fileName, csv } = await importErrorsCsv(user.id, { sellerId, importJobId: params.get("importJobId") ?? "" });
      return new Response(csv, { status: 200, headers: csvHeaders(fileName) });
    } catch (error) {
      if (isAppError(error)) return plain(STATUS[error.code], error.message);
      // A malformed shop or job id is one that does not exist.
      if (error instanceof ZodError) return plain(404, "We could not find that shop or import.");
      options.log?.({ message: "export failed", error: String(error) });
      return plain(500, "Something went wrong on our side. Please try again in a moment.");
    }
  };
}
