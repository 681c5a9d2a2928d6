// The worker's side of enqueueSearchSync: brings the queued products' index entries up to date.
// A failure throws, so graphile-worker retries the whole batch with backoff; syncing a product
// twice is harmless (the entry is simply rewritten from the catalogue).
import type { Task } from "graphile-worker";
import { z } from "zod";
import { getSearchEngine } from "./get-search-engine.ts";
import type { SearchEngine } from "./types.ts";

export { SYNC_PRODUCTS_TASK } from "./enqueue-search-sync.ts";

/** Products per engine call: bounds one statement (PostgreSQL) or one batch request (Algolia). */
const CHUNK = 1_000;

const uuid = z.string().uuid();
// Our own jobs carry an array of ids; `{ productIds: [...] }` is accepted for jobs added by hand.
const payloadSchema = z.union([z.array(uuid), z.object({ productIds: z.array(uuid) }).transform((p) => p.productIds)]);

export function createSyncProductsTask(engine: () => SearchEngine = getSearchEngine): Task {
  return async (payload, helpers) => {
    const ids = [...new Set(payloadSchema.parse(payload))];
    for (let i = 0; i < ids.length; i += CHUNK) await engine().syncProducts(ids.slice(i, i + CHUNK));
    helpers.logger.info(`search: synced ${ids.length} product(s)`);
  };
}

export const syncProductsTask: Task = createSyncProductsTask();
