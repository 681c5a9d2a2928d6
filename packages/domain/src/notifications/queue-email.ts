// Every email the system sends starts here, as a row in EmailMessage written in the caller's
// transaction. With SMTP configured, the job that sends it is queued in the same transaction (so
// a message exists exactly when the change that caused it commits, and is sent with retries);
// without SMTP the row itself is the delivery, read by the development mailbox page.
import type { Prisma } from "@market/db";
import { z } from "zod";
import type { Db } from "../db.ts";
import { inTransaction } from "./in-transaction.ts";
import { emailConfig } from "./email-config.ts";

export const SEND_EMAIL_TASK = "notifications.send-email";
/**
 * graphile-worker waits about exp(min(attempt, 10)) seconds between tries: 25 attempts keep
 * trying for roughly three days (an SMTP provider's outage, a wrong password fixed on Monday).
 * After the last one the job stays in the queue as failed, for an operator to retry.
 */
export const SEND_EMAIL_MAX_ATTEMPTS = 25;
export const sendEmailJobKey = (emailMessageId: string) => `email:${emailMessageId}`;

export const newEmailSchema = z.object({
  // Loose on purpose: addresses were checked where they were entered, and a stricter rule here
  // would make the event that sends the message fail for ever.
  to: z.string().trim().min(3).max(320).includes("@"),
  subject: z.string().trim().min(1).max(998),
  text: z.string().min(1),
  html: z.string().min(1).optional(),
  /** One message per cause: a second call with the same key does nothing. */
  dedupeKey: z.string().min(1).max(300),
  userId: z.string().uuid().optional(),
});
export type NewEmail = z.input<typeof newEmailSchema>;

export type QueueEmailResult = { queued: true; id: string; transport: "smtp" | "mailbox" } | { queued: false };

/** Records the message (and its send job, with SMTP) unless one with the same dedupeKey exists. */
export async function queueEmail(db: Db, email: NewEmail): Promise<QueueEmailResult> {
  const message = newEmailSchema.parse(email);
  // Outside a transaction the row and its job would be two commits; a crash between them would
  // leave a message that is never sent.
  return inTransaction(db, (tx) => insertEmail(tx, message));
}

async function insertEmail(db: Prisma.TransactionClient, message: z.output<typeof newEmailSchema>): Promise<QueueEmailResult> {
  const { transport } = emailConfig();
  const [row] = await db.emailMessage.createManyAndReturn({
    data: [
      {
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
        dedupeKey: message.dedupeKey,
        userId: message.userId ?? null,
        transport,
        // The mailbox is delivered the moment it is written.
        sentAt: transport === "mailbox" ? new Date() : null,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!row) return { queued: false };
  if (transport === "smtp") {
    await db.$executeRaw`
      SELECT graphile_worker.add_job(
        ${SEND_EMAIL_TASK},
        json_build_object('emailMessageId', ${row.id}::text),
        job_key => ${sendEmailJobKey(row.id)},
        max_attempts => ${SEND_EMAIL_MAX_ATTEMPTS}
      )`;
  }
  return { queued: true, id: row.id, transport };
}
