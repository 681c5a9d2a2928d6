export { warehouseConfig, type WarehouseConfig } from "./config.ts";
export * from "./warehouse-contract.ts";
export { applyFulfilmentUpdate, canMove, isCancellable, progressOf, type FulfilmentUpdate, type FulfilmentUpdateOutcome } from "./apply-fulfilment-update.ts";
// Pick requests to the warehouse, their cancellation, and the warehouse's webhook.
export { buildPickRequest, type PickPart } from "./build-pick-request.ts";
export { queuePickRequests, requestPicksHandler, sendPickRequest, sendPickRequestTask, WarehouseRequestError, type PickRequestOutcome } from "./pick-requests.ts";
export { cancelPartPickHandler, cancelPicksHandler, queuePickCancellations, sendPickCancellation, sendPickCancellationTask, type PickCancellationOutcome } from "./pick-cancellations.ts";
export { parseWarehouseWebhook, processWarehouseEvent, type WarehouseEventOutcome } from "./process-warehouse-event.ts";
export { postToWarehouse, WAREHOUSE_REQUEST_TIMEOUT_MS, type WarehouseAnswer } from "./warehouse-client.ts";
export { pickCancelJobKey, pickJobKey, SEND_PICK_CANCELLATION_TASK, SEND_PICK_REQUEST_TASK, WAREHOUSE_JOB_MAX_ATTEMPTS } from "./warehouse-jobs.ts";
export { warehouseTaskList } from "./warehouse-task-list.ts";
// Shopper cancellation and seller-side shipping (own-warehouse parts).
export { cancelOrder, cancelOrderInput, cancelPaidOrder, canShopperCancel, SHIPPED_CONFLICT, type CancelOrderInput } from "./cancel-order.ts";
export {
  listOwnWarehouseParts,
  listOwnWarehousePartsInput,
  markDelivered,
  markPacked,
  markShipped,
  markShippedInput,
  moveOwnWarehousePart,
  orderPartIdInput,
  SELLER_SHIPPING_STATUSES,
  sellerMoveRefusal,
  type ListOwnWarehousePartsInput,
  type MarkShippedInput,
  type OrderPartIdInput,
  type OwnWarehousePart,
  type SellerAction,
} from "./seller-shipping.ts";
