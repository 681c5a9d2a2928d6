// The notifications router over its procedures: a shopper only ever sees and marks their own
// notifications and orders; the development mailbox exists only where no real mail goes out.
import { disconnectPrisma, FulfilmentEventSource, getPrisma } from "@market/db";
import { migrateJobQueue } from "@market/db/job-queue";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { applyFulfilmentUpdate } from "@market/domain/fulfilment";
import { MAILBOX_UNAVAILABLE, notifyOrderPaid, queueEmail } from "@market/domain/notifications";
import { createOrderForNotifications } from "@market/domain/notifications/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../context.ts";
import { createCaller } from "../root.ts";

let database: FreshDatabase;
beforeAll(async () => {
  database = await createFreshDatabase({ label: "api_notifications" });
  await migrateJobQueue(database.url);
  process.env.DATABASE_URL = database.url;
});
afterAll(async () => {
  await disconnectPrisma();
  await database?.drop();
});

const savedEnv = { SMTP_URL: process.env.SMTP_URL, NODE_ENV: process.env.NODE_ENV, DEV_MAILBOX: process.env.DEV_MAILBOX };
afterEach(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const shopper = (id: string): SessionUser => ({ id, email: `${id}@example.com`, name: "Shopper", role: "CUSTOMER" });
const api = (user: SessionUser | null) =>
  createCaller({ user, requestId: "test", app: "storefront", guestCartToken: null, pickupPointId: null, setCookie: () => undefined });

describe("notifications router", () => {
  it("asks signed-out callers to sign in", async () => {
    await expect(api(null).notifications.unreadCount()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api(null).notifications.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api(null).notifications.markAllRead()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("shows and marks only the caller's own notifications", async () => {
    delete process.env.SMTP_URL;
    const mine = await createOrderForNotifications();
    const theirs = await createOrderForNotifications();
    await notifyOrderPaid(mine.id);
    await notifyOrderPaid(theirs.id);
    const me = api(shopper(mine.userId));
    const them = api(shopper(theirs.userId));

    const list = await me.notifications.list({});
    expect(list.items.map((n) => n.title)).toEqual([`Order ${mine.number} is paid`]);
    expect(await me.notifications.unreadCount()).toEqual({ count: 1 });
    const [other] = (await them.notifications.list({})).items;

    await expect(me.notifications.markRead({ id: other!.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "We could not find this notification." });
    await expect(me.notifications.markRead({ id: "not-an-id" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(me.notifications.list({ limit: 51 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await me.notifications.markAllRead()).toEqual({ marked: 1 });
    expect(await me.notifications.unreadCount()).toEqual({ count: 0 });
    // Theirs is untouched by both.
    expect(await them.notifications.unreadCount()).toEqual({ count: 1 });

    const [own] = list.items;
    expect(await them.notifications.markRead({ id: other!.id })).toMatchObject({ id: other!.id });
    await expect(them.notifications.markRead({ id: own!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("gives the open order page a fingerprint that changes with the order, for its owner only", async () => {
    const mine = await createOrderForNotifications();
    const me = api(shopper(mine.userId));
    const before = await me.notifications.orderUpdates({ number: mine.number });
    expect(await me.notifications.orderUpdates({ number: mine.number })).toEqual(before);
    await getPrisma().$transaction((tx) =>
      applyFulfilmentUpdate(tx, { orderPartId: mine.parts[0]!.id, status: "ACCEPTED", occurredAt: new Date(), source: FulfilmentEventSource.WAREHOUSE }),
    );
    expect((await me.notifications.orderUpdates({ number: mine.number })).stamp).not.toBe(before.stamp);

    const stranger = await createOrderForNotifications();
    await expect(api(shopper(stranger.userId)).notifications.orderUpdates({ number: mine.number })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api(null).notifications.orderUpdates({ number: mine.number })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("the development mailbox", () => {
  it("lists every email newest first, filtered by recipient, when no SMTP server is configured", async () => {
    delete process.env.SMTP_URL;
    process.env.NODE_ENV = "development";
    const stamp = Date.now();
    await queueEmail(getPrisma(), { to: `first-${stamp}@example.com`, subject: "First", text: "one", dedupeKey: `mailbox-test:1:${stamp}` });
    await queueEmail(getPrisma(), { to: `second-${stamp}@example.com`, subject: "Second", text: "two", dedupeKey: `mailbox-test:2:${stamp}` });

    const all = await api(null).notifications.mailbox({});
    const subjects = all.items.map((m) => m.subject);
    expect(subjects.indexOf("Second")).toBeLessThan(subjects.indexOf("First"));
    const filtered = await api(null).notifications.mailbox({ to: `FIRST-${stamp}` });
    expect(filtered.items).toHaveLength(1);
    expect(filtered.items[0]).toMatchObject({ to: `first-${stamp}@example.com`, subject: "First", text: "one", transport: "mailbox" });

    const page = await api(null).notifications.mailbox({ limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toBe(page.items[0]!.id);
    expect((await api(null).notifications.mailbox({ limit: 1, cursor: page.nextCursor! })).items[0]!.id).not.toBe(page.items[0]!.id);
  });

  it("is refused when SMTP_URL is set, and in production unless DEV_MAILBOX=1", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    await expect(api(null).notifications.mailbox({})).rejects.toMatchObject({ code: "NOT_FOUND", message: MAILBOX_UNAVAILABLE.smtp });

    delete process.env.SMTP_URL;
    process.env.NODE_ENV = "production";
    delete process.env.DEV_MAILBOX;
    await expect(api(null).notifications.mailbox({})).rejects.toMatchObject({ code: "NOT_FOUND", message: MAILBOX_UNAVAILABLE.production });

    process.env.DEV_MAILBOX = "1";
    await expect(api(null).notifications.mailbox({})).resolves.toMatchObject({ items: expect.any(Array) });
    // DEV_MAILBOX does not override a configured SMTP server: real mail is never listed.
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    await expect(api(null).notifications.mailbox({})).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
