// GET /api/exports/import-errors.csv?sellerId=…&importJobId=…: an import's problems, row by row.
import { exportRoute } from "../export-route";

export const GET = exportRoute("import-errors");
export const dynamic = "force-dynamic";
