// GET /api/exports/catalog.csv?sellerId=…: the shop's catalogue in the product import format.
import { exportRoute } from "../export-route";

export const GET = exportRoute("catalog");
export const dynamic = "force-dynamic";
