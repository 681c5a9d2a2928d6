// Email over SMTP against a real SMTP server on this machine (the smtp-server package, which
// speaks the protocol as a mail provider does): queued in the changing transaction, sent once by
// the job, retried after a failure, never sent twice once the server has accepted it.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { getPrisma } from "@market/db";
import { Logger, runOnce } from "graphile-worker";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createUser } from "../testing/shop-fixtures.ts";
import { notifyShopper } from "./notify-shopper.ts";
import { queueEmail, SEND_EMAIL_MAX_ATTEMPTS, SEND_EMAIL_TASK } from "./queue-email.ts";
import { notificationTaskList, sendQueuedEmail } from "./send-email.ts";

type Received = { from: string; to: string[]; raw: string };
let received: Received[] = [];
let server: SMTPServer;
let smtpUrl: string;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const savedSmtp = process.env.SMTP_URL;
beforeEach(async () => {
  received = [];
  process.env.SMTP_URL = smtpUrl;
  await getPrisma().$executeRaw`DELETE FROM graphile_worker._private_jobs`;
});
afterEach(() => {
  if (savedSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = savedSmtp;
});

const quiet = new Logger(() => () => undefined);
const work = () => runOnce({ connectionString: process.env.DATABASE_URL!, taskList: notificationTaskList, logger: quiet });
const jobs = () =>
  getPrisma().$queryRaw<{ key: string | null; attempts: number; max_attempts: number; last_error: string | null }[]>`
    SELECT j.key, j.attempts, j.max_attempts, j.last_error FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = ${SEND_EMAIL_TASK} ORDER BY j.id`;
const message = (n: string) => ({ to: `shopper-${n}@example.com`, subject: `Order M-${n}: your package is on its way`, text: `Hello,\n\nyour package is on its way.\n`, dedupeKey: `test:${n}:${Date.now()}` });

describe("email through SMTP", () => {
  it("queues one job per message in the caller's transaction, and nothing for a duplicate or a rollback", async () => {
    const email = message("queue");
    await expect(
      getPrisma().$transaction(async (tx) => {
        await queueEmail(tx, email);
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    expect(await getPrisma().emailMessage.count({ where: { dedupeKey: email.dedupeKey } })).toBe(0);
    expect(await jobs()).toEqual([]);

    const first = await queueEmail(getPrisma(), email);
    expect(first).toMatchObject({ queued: true, transport: "smtp" });
    expect(await queueEmail(getPrisma(), email)).toEqual({ queued: false });
    const id = (first as { id: string }).id;
    expect(await getPrisma().emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ transport: "smtp", sentAt: null, attempts: 0 });
    expect(await jobs()).toEqual([{ key: `email:${id}`, attempts: 0, max_attempts: SEND_EMAIL_MAX_ATTEMPTS, last_error: null }]);
  });

  it("queues the email of a shopper's notification with it, once", async () => {
    const user = await createUser();
    const email = message("notify");
    const news = { userId: user.id, type: "order.test", title: "News", body: "Something happened.", link: "/orders/M-1", dedupeKey: email.dedupeKey, email };
    expect(await notifyShopper(getPrisma(), news)).toBe(true);
    expect(await notifyShopper(getPrisma(), news)).toBe(false);
    const { id } = await getPrisma().emailMessage.findUniqueOrThrow({ where: { dedupeKey: email.dedupeKey } });
    expect(await jobs()).toEqual([{ key: `email:${id}`, attempts: 0, max_attempts: SEND_EMAIL_MAX_ATTEMPTS, last_error: null }]);
  });

  it("sends the message once through the server and records when", async () => {
    const email = message("send");
    const queued = await queueEmail(getPrisma(), email);
    const id = (queued as { id: string }).id;
    await work();

    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual([email.to]);
    expect(received[0]!.from).toBe("no-reply@marketplace.localhost");
    expect(received[0]!.raw).toContain(`Subject: ${email.subject}`);
    expect(received[0]!.raw).toContain("your package is on its way.");
    const row = await getPrisma().emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row).toMatchObject({ attempts: 1, lastError: null });
    expect(await jobs()).toEqual([]);

    // The job run again (a redelivery, an operator's retry) finds it sent and sends nothing.
    expect(await sendQueuedEmail(id)).toBe("already-sent");
    expect(received).toHaveLength(1);
  });

  it("records the error and throws while the server cannot be reached, then sends on a retry", async () => {
    const email = message("down");
    // Port 9 (discard) is closed on any machine that runs these tests: connections are refused.
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    const id = ((await queueEmail(getPrisma(), email)) as { id: string }).id;
    await expect(sendQueuedEmail(id)).rejects.toThrow();
    let row = await getPrisma().emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row.sentAt).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);

    // Through the queue: the job fails, and graphile-worker keeps it for a retry with backoff.
    await work();
    const [job] = await jobs();
    expect(job).toMatchObject({ key: `email:${id}`, attempts: 1 });
    expect(job!.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(received).toHaveLength(0);

    // The server is back (here: the right address): the retry delivers it.
    process.env.SMTP_URL = smtpUrl;
    await getPrisma().$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now()`;
    await work();
    expect(received).toHaveLength(1);
    row = await getPrisma().emailMessage.findUniqueOrThrow({ where: { id } });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row).toMatchObject({ attempts: 3, lastError: null });
  });

  it("without SMTP_URL, the mailbox is the delivery: sent at once, no job", async () => {
    delete process.env.SMTP_URL;
    const email = message("mailbox");
    const queued = await queueEmail(getPrisma(), email);
    expect(queued).toMatchObject({ queued: true, transport: "mailbox" });
    const row = await getPrisma().emailMessage.findUniqueOrThrow({ where: { dedupeKey: email.dedupeKey } });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(await jobs()).toEqual([]);
  });
});
