import {
  countUnreadNotifications,
  listMailbox,
  listMailboxInput,
  listNotifications,
  listNotificationsInput,
  markAllNotificationsRead,
  markNotificationRead,
  notificationIdInput,
  orderUpdateStamp,
} from "@market/domain/notifications";
import { orderNumberInput } from "@market/domain/orders";
import { publicProcedure, router, signedInProcedure } from "../trpc.ts";

// A shopper's own notifications (the header bell, /notifications). Each procedure passes the
// signed-in user's id down; the domain never touches anyone else's rows.
export const notificationsRouter = router({
  list: signedInProcedure.input(listNotificationsInput).query(({ ctx, input }) => listNotifications(ctx.user.id, input)),
  /** Polled by the bell every few seconds: one indexed count. */
  unreadCount: signedInProcedure.query(async ({ ctx }) => ({ count: await countUnreadNotifications(ctx.user.id) })),
  markRead: signedInProcedure.input(notificationIdInput).mutation(({ ctx, input }) => markNotificationRead(ctx.user.id, input)),
  markAllRead: signedInProcedure.mutation(({ ctx }) => markAllNotificationsRead(ctx.user.id)),
  /**
   * A fingerprint of the shopper's order that changes whenever its page would: the open order
   * page polls this (cheap) and renders itself again only when it changes.
   */
  orderUpdates: signedInProcedure.input(orderNumberInput).query(({ ctx, input }) => orderUpdateStamp(ctx.user.id, input.number)),
  /**
   * The development mailbox (/dev/mailbox): every email written, newest first. NOT_FOUND, saying
   * why, when SMTP_URL is set or in production without DEV_MAILBOX=1.
   */
  mailbox: publicProcedure.input(listMailboxInput.optional()).query(({ input }) => listMailbox(input)),
});

