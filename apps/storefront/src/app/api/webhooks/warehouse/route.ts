// The warehouse system's (or the simulator's) progress reports: see packages/api/src/http/warehouse-webhook.ts.
import { createWarehouseWebhookHandler } from "@market/api/http";

export const POST = createWarehouseWebhookHandler();
export const dynamic = "force-dynamic";
