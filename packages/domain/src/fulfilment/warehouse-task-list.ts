// The worker's jobs that talk to the warehouse system (registered in apps/worker/src/task-list.ts).
import type { TaskList } from "graphile-worker";
import { sendPickCancellationTask } from "./pick-cancellations.ts";
import { sendPickRequestTask } from "./pick-requests.ts";
import { SEND_PICK_CANCELLATION_TASK, SEND_PICK_REQUEST_TASK } from "./warehouse-jobs.ts";

export const warehouseTaskList: TaskList = {
  [SEND_PICK_REQUEST_TASK]: sendPickRequestTask,
  [SEND_PICK_CANCELLATION_TASK]: sendPickCancellationTask,
};
