// A shopper's own notifications: the list, the unread count for the bell, and marking them read.
// Every function takes the signed-in user's id and touches only that user's rows; anyone else's
// notification is NOT_FOUND, exactly like one that does not exist.
import { getPrisma } from "@market/db";
import { z } from "zod";
import { AppError } from "../errors.ts";

export const listNotificationsInput = z.object({
  cursor: z.uuid("Unknown position in the list").optional(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type ListNotificationsInput = z.input<typeof listNotificationsInput>;

export const notificationIdInput = z.object({ id: z.uuid("Unknown notification") });
export type NotificationIdInput = z.input<typeof notificationIdInput>;

export type ShopperNotification = {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
};

export type NotificationPage = { items: ShopperNotification[]; nextCursor: string | null };

const select = { id: true, type: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const;

/** Newest first; `nextCursor` is the id to pass for the next page, or null at the end. */
export async function listNotifications(userId: string, input: ListNotificationsInput = {}): Promise<NotificationPage> {
  const { cursor, limit } = listNotificationsInput.parse(input);
  const rows = await getPrisma().notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select,
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

export async function countUnreadNotifications(userId: string): Promise<number> {
  return getPrisma().notification.count({ where: { userId, readAt: null } });
}

/** Marks one of the user's notifications read (again: no change). */
export async function markNotificationRead(userId: string, input: NotificationIdInput): Promise<{ id: string; readAt: Date }> {
  const { id } = notificationIdInput.parse(input);
  const prisma = getPrisma();
  await prisma.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: new Date() } });
  const row = await prisma.notification.findFirst({ where: { id, userId }, select: { id: true, readAt: true } });
  if (!row?.readAt) throw new AppError("NOT_FOUND", "We could not find this notification.");
  return { id: row.id, readAt: row.readAt };
}

export async function markAllNotificationsRead(userId: string): Promise<{ marked: number }> {
  const { count } = await getPrisma().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return { marked: count };
}
