export { emailConfig, mailboxAvailability, type EmailConfig, type MailboxAvailability } from "./email-config.ts";
export { listMailbox, listMailboxInput, MAILBOX_UNAVAILABLE, type ListMailboxInput, type MailboxMessage, type MailboxPage } from "./mailbox.ts";
export { notifyShopper, storefrontLink, type ShopperNews } from "./notify-shopper.ts";
export { notifyOrderPaid, orderPaidNotification } from "./order-paid-notification.ts";
export { orderUpdateStamp } from "./order-updates.ts";
export { notifyPartStatus, partStatusDedupeKey, partStatusNotification, partStep, type PartStep } from "./part-status-notification.ts";
export { newEmailSchema, queueEmail, SEND_EMAIL_MAX_ATTEMPTS, SEND_EMAIL_TASK, sendEmailJobKey, type NewEmail, type QueueEmailResult } from "./queue-email.ts";
export { notificationTaskList, sendEmailTask, sendQueuedEmail, type SendEmailResult } from "./send-email.ts";
export {
  countUnreadNotifications,
  listNotifications,
  listNotificationsInput,
  markAllNotificationsRead,
  markNotificationRead,
  notificationIdInput,
  type ListNotificationsInput,
  type NotificationIdInput,
  type NotificationPage,
  type ShopperNotification,
} from "./shopper-notifications.ts";
