export { notifyOrderPaid, orderPaidNotification } from "./order-paid-notification.ts";
