// Every job the worker runs, by name. Domains add their jobs here as they are built
// (outbox delivery, reservation expiry, payment reconciliation, search indexing, pick requests).
import type { TaskList } from "graphile-worker";

export const taskList: TaskList = {};
