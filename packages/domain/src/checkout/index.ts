export * from "./schemas.ts";
export { allocateStock, type StockRow, type Shortage, type StockPiece } from "./allocate-stock.ts";
export { reservationTtlMinutes, COURIER_FEE_MINOR } from "./config.ts";
export {
  createExpireOrderTask,
  EXPIRE_DUE_ORDERS_CRONTAB,
  EXPIRE_DUE_ORDERS_TASK,
  expireDueOrdersTask,
  expireOrder,
  EXPIRE_ORDER_TASK,
  queueDueExpiries,
  type ExpiryOutcome,
  type SettlePayment,
} from "./expire-order-job.ts";
export { activeReservationUnits, cancelUnpaidOrder, markOrderPaid, type LockedOrder } from "./order-transitions.ts";
export { newOrderNumber } from "./order-number.ts";
export { placeOrder, type PlacedOrder } from "./place-order.ts";
export { releaseReservations } from "./reservations.ts";
export { previewCheckout, type CheckoutPreview } from "./preview-checkout.ts";
