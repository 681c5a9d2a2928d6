// Every email the system sends starts here, as a row in EmailMessage written in the caller's
// transaction. With SMTP configured, the job that sends it is queued in the same transaction (so
// a message exists exactly when the change that caused it commits, and is sent with retries);
// without SMTP the row itself is the delivery, read by the development mailbox page.
import { newRowId, Prisma } from "@market/db";
import { z } from "zod";
import type { Db } from "../db.ts";
import { emailConfig, type EmailTransport } from "./email-config.ts";

export const SEND_EMAIL_TASK = "notifications.send-email";
/**
 * graphile-worker waits about exp(min(attempt, 10)) seconds between tries: 25 attempts keep
 * trying for roughly three days (an SMTP provider's outage, a wrong password fixed on Monday).
 * After the last one the job stays in the queue as failed, for an operator to retry.
 */
export const SEND_EMAIL_MAX_ATTEMPTS = 25;
const SEND_EMAIL_KEY_PREFIX = "email:";
export const sendEmailJobKey = (emailMessageId: string) => `${SEND_EMAIL_KEY_PREFIX}${emailMessageId}`;

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

export type QueueEmailResult = { queued: true; id: string; transport: EmailTransport } | { queued: false };

/** Records the message (and its send job, with SMTP) unless one with the same dedupeKey exists. */
export async function queueEmail(db: Db, email: NewEmail): Promise<QueueEmailResult> {
  const message = newEmailSchema.parse(email);
  const { transport } = emailConfig();
  // One statement: the row and its job commit together even outside a transaction.
  const [row] = await db.$queryRaw<{ id: string | null }[]>`WITH ${emailRowAndJob(message, transport)} SELECT (SELECT id FROM email) AS id`;
  return row?.id ? { queued: true, id: row.id, transport } : { queued: false };
}

/**
 * A CTE for a statement's WITH clause: `email` records the message (nothing when its dedupeKey
 * exists; RETURNING id) and, with SMTP, queues its send job in its own RETURNING clause, so the
 * job is queued whether or not the statement reads the CTE (a data-modifying CTE always runs).
 */
export function emailRowAndJob(message: z.output<typeof newEmailSchema>, transport: EmailTransport): Prisma.Sql {
  // The mailbox is delivered the moment it is written.
  const sentAt = transport === "mailbox" ? new Date() : null;
  const job =
    transport === "smtp"
      ? Prisma.sql`, graphile_worker.add_job(${SEND_EMAIL_TASK}, json_build_object('emailMessageId', id::text), job_key => ${SEND_EMAIL_KEY_PREFIX} || id::text, max_attempts => ${SEND_EMAIL_MAX_ATTEMPTS})`
      : Prisma.empty;
  return Prisma.sql`
    email AS (
      INSERT INTO "EmailMessage" (id, "to", subject, text, html, transport, "dedupeKey", "userId", "sentAt", attempts, "createdAt")
      VALUES (${newRowId()}::uuid, ${message.to}, ${message.subject}, ${message.text}, ${message.html ?? null}, ${transport}, ${message.dedupeKey}, ${message.userId ?? null}::uuid, ${sentAt}, 0, now())
      ON CONFLICT DO NOTHING
      RETURNING id${job}
    )`;
}
