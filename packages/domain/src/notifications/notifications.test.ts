// Telling the shopper: one notification and one email per package and step, however often an
// event is delivered; the shopper's own list, unread count and read marks.
import { FulfilmentEventSource, getPrisma, type FulfilmentStatus } from "@market/db";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { applyFulfilmentUpdate } from "../fulfilment/apply-fulfilment-update.ts";
import type { OutboxEvent } from "../outbox/index.ts";
import { notifyOrderPaid } from "./order-paid-notification.ts";
import { partStatusNotification } from "./part-status-notification.ts";
import { countUnreadNotifications, listNotifications, markAllNotificationsRead, markNotificationRead } from "./shopper-notifications.ts";
import { createOrderForNotifications } from "./testing/index.ts";

const savedSmtp = process.env.SMTP_URL;
beforeEach(() => {
  delete process.env.SMTP_URL;
});
afterEach(() => {
  if (savedSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtp;
});

/** Moves the part through the state machine and returns the events it wrote, oldest first. */
async function move(orderPartId: string, ...steps: { status: FulfilmentStatus; trackingNumber?: string }[]) {
  const prisma = getPrisma();
  const before = new Date(Date.now() - 1);
  for (const step of steps) {
    await prisma.$transaction((tx) =>
      applyFulfilmentUpdate(tx, { orderPartId, status: step.status, occurredAt: new Date(), source: FulfilmentEventSource.WAREHOUSE, trackingNumber: step.trackingNumber ?? null }),
    );
  }
  const rows = await prisma.outboxEvent.findMany({
    where: { type: "OrderPartStatusChanged", createdAt: { gte: before } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows
    .map((row) => ({ ...row, type: "OrderPartStatusChanged" as const, payload: row.payload as OutboxEvent<"OrderPartStatusChanged">["payload"] }))
    .filter((event) => event.payload.orderPartId === orderPartId);
}

const told = async (userId: string) => ({
  notifications: await getPrisma().notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
  emails: await getPrisma().emailMessage.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
});

describe("notifications.part-status", () => {
  it("tells the shopper once, in the app and by email, when the same event is delivered twice", async () => {
    const order = await createOrderForNotifications();
    const [event] = await move(order.parts[0]!.id, { status: "ACCEPTED" });
    await partStatusNotification.handle(event!);
    await partStatusNotification.handle(event!);

    const { notifications, emails } = await told(order.userId);
    const seller = order.parts[0]!.sellerName;
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      type: "order.part.being-prepared",
      title: `Your package from ${seller} is being prepared`,
      link: `/orders/${order.number}`,
      readAt: null,
      dedupeKey: `part-status:${order.parts[0]!.id}:being-prepared`,
    });
    expect(notifications[0]!.body).toContain(order.number);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: order.contactEmail, transport: "mailbox", subject: `Order ${order.number}: your package from ${seller} is being prepared` });
    // The mailbox is the delivery: nothing is left to send.
    expect(emails[0]!.sentAt).toBeInstanceOf(Date);
    expect(emails[0]!.text).toContain(`http://localhost:3000/orders/${order.number}`);
  });

  it("says 'being prepared' once for ACCEPTED and then PICKING", async () => {
    const order = await createOrderForNotifications();
    const events = await move(order.parts[0]!.id, { status: "ACCEPTED" }, { status: "PICKING" });
    expect(events.map((e) => e.payload.status)).toEqual(["ACCEPTED", "PICKING"]);
    for (const event of events) await partStatusNotification.handle(event);

    const { notifications, emails } = await told(order.userId);
    expect(notifications.map((n) => n.type)).toEqual(["order.part.being-prepared"]);
    expect(emails).toHaveLength(1);
  });

  it("follows a pickup order to the pickup point, with the tracking number when shipped", async () => {
    const order = await createOrderForNotifications({ deliveryMethod: "PICKUP" });
    const events = await move(
      order.parts[0]!.id,
      { status: "ACCEPTED" },
      { status: "PICKING" },
      { status: "PACKED" },
      { status: "SHIPPED", trackingNumber: "TRK-123456" },
      { status: "DELIVERED" },
    );
    for (const event of events) await partStatusNotification.handle(event);

    const { notifications, emails } = await told(order.userId);
    expect(notifications.map((n) => n.type)).toEqual(["order.part.being-prepared", "order.part.packed", "order.part.shipped", "order.part.ready-for-pickup"]);
    expect(notifications[2]!.body).toContain("TRK-123456");
    expect(emails[2]!.text).toContain("TRK-123456");
    expect(notifications[3]!.title).toBe(`Your package from ${order.parts[0]!.sellerName} is ready for pickup`);
    expect(notifications[3]!.body).toContain("Moscow point");
    expect(emails).toHaveLength(4);
  });

  it("says 'delivered' to a courier order, and tells each seller's package apart", async () => {
    const order = await createOrderForNotifications({ deliveryMethod: "COURIER", sellers: 2 });
    const [first, second] = order.parts;
    for (const event of [
      ...(await move(first!.id, { status: "ACCEPTED" }, { status: "PACKED" }, { status: "SHIPPED" }, { status: "DELIVERED" })),
      ...(await move(second!.id, { status: "CANCELLED" })),
    ])
      await partStatusNotification.handle(event);

    const { notifications } = await told(order.userId);
    expect(notifications.map((n) => n.title)).toEqual([
      `Your package from ${first!.sellerName} is being prepared`,
      `Your package from ${first!.sellerName} is packed`,
      `Your package from ${first!.sellerName} is on its way`,
      `Your package from ${first!.sellerName} has been delivered`,
      `Your package from ${second!.sellerName} was cancelled`,
    ]);
  });
});

describe("notifications.order-paid", () => {
  it("tells the shopper once that the payment arrived", async () => {
    const order = await createOrderForNotifications();
    await notifyOrderPaid(order.id);
    await notifyOrderPaid(order.id);
    const { notifications, emails } = await told(order.userId);
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ type: "order.paid", title: `Order ${order.number} is paid`, link: `/orders/${order.number}` });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: order.contactEmail, transport: "mailbox", dedupeKey: `order-paid:${order.id}` });
  });
});

describe("a shopper's notifications", () => {
  it("lists their own newest first, page by page, counts the unread and marks them read", async () => {
    const order = await createOrderForNotifications({ sellers: 3 });
    const other = await createOrderForNotifications();
    await notifyOrderPaid(order.id);
    await notifyOrderPaid(other.id);
    for (const part of order.parts) for (const event of await move(part.id, { status: "ACCEPTED" })) await partStatusNotification.handle(event);

    expect(await countUnreadNotifications(order.userId)).toBe(4);
    const first = await listNotifications(order.userId, { limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBe(first.items[2]!.id);
    const rest = await listNotifications(order.userId, { limit: 3, cursor: first.nextCursor! });
    expect(rest).toMatchObject({ nextCursor: null });
    const all = [...first.items, ...rest.items];
    expect(all.map((n) => n.type)).toEqual(["order.part.being-prepared", "order.part.being-prepared", "order.part.being-prepared", "order.paid"]);
    expect(all.map((n) => n.createdAt.getTime())).toEqual([...all.map((n) => n.createdAt.getTime())].sort((a, b) => b - a));

    const marked = await markNotificationRead(order.userId, { id: all[0]!.id });
    expect(marked.readAt).toBeInstanceOf(Date);
    // Again: no change, no error.
    expect((await markNotificationRead(order.userId, { id: all[0]!.id })).readAt).toEqual(marked.readAt);
    expect(await countUnreadNotifications(order.userId)).toBe(3);

    // Someone else's notification is not found, and stays unread.
    const [theirs] = (await listNotifications(other.userId)).items;
    await expect(markNotificationRead(order.userId, { id: theirs!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(markNotificationRead(order.userId, { id: theirs!.id })).rejects.toBeInstanceOf(AppError);
    expect(await countUnreadNotifications(other.userId)).toBe(1);

    expect(await markAllNotificationsRead(order.userId)).toEqual({ marked: 3 });
    expect(await countUnreadNotifications(order.userId)).toBe(0);
    expect(await countUnreadNotifications(other.userId)).toBe(1);
  });
});
