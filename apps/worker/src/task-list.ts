// Every job the worker runs, by name. Domains add their jobs here as they are built
// (outbox delivery, reservation expiry, payment reconciliation, search indexing, pick requests).
import { SYNC_PRODUCTS_TASK, syncProductsTask } from "@market/domain/search";
import type { TaskList } from "graphile-worker";

export const taskList: TaskList = {
  // Catalogue changes queued by enqueueSearchSync in the changing transaction.
  [SYNC_PRODUCTS_TASK]: syncProductsTask,
};
