// The worker's side of queueEmail with SMTP: one job per message (job_key email:<id>) hands it to
// the SMTP server. Success sets sentAt; failure records the error and throws, so graphile-worker
// retries with backoff. A message whose sentAt is set is never sent again, whatever runs the job.
// (If the process dies after the server accepted the message but before sentAt is written, the
// retry sends it a second time: SMTP offers no way to ask whether a message arrived.)
import { getPrisma } from "@market/db";
import type { Task, TaskList } from "graphile-worker";
import { z } from "zod";
import { emailConfig } from "./email-config.ts";
import { SEND_EMAIL_TASK } from "./queue-email.ts";

export type SendEmailResult = "sent" | "already-sent" | "unknown-message";

/** Sends one stored message through SMTP_URL. Throws (after recording the error) if it fails. */
export async function sendQueuedEmail(emailMessageId: string): Promise<SendEmailResult> {
  const prisma = getPrisma();
  const message = await prisma.emailMessage.findUnique({ where: { id: emailMessageId } });
  if (!message) return "unknown-message";
  if (message.sentAt) return "already-sent";

  try {
    const { smtpUrl, from } = emailConfig();
    // Queued while SMTP was configured, and it is not any more: kept failing (and visible as
    // such) until it is configured again, rather than pretending it went out.
    if (!smtpUrl) throw new Error("SMTP_URL is not set, so the message cannot be sent");
    // Loaded here, not at the top: the web apps import this module (through the package index)
    // but only the worker sends mail.
    const { createTransport } = await import("nodemailer");
    const transport = createTransport({
      url: smtpUrl,
      // nodemailer waits minutes by default; a job holding a worker slot that long helps no one.
      // Parameters in SMTP_URL's query string override these.
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 60_000,
    });
    try {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        // The same id on every try, so a receiving system can recognise a repeat.
        messageId: `<${message.id}@${/@([^>\s]+)/.exec(from)?.[1] ?? "marketplace.localhost"}>`,
      });
    } finally {
      transport.close();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await prisma.emailMessage.update({
      where: { id: message.id },
      data: { attempts: { increment: 1 }, lastError: reason.slice(0, 2_000) },
    });
    throw error;
  }
  await prisma.emailMessage.update({
    where: { id: message.id },
    data: { sentAt: new Date(), attempts: { increment: 1 }, lastError: null },
  });
  return "sent";
}

const jobPayload = z.object({ emailMessageId: z.string().uuid() });

export const sendEmailTask: Task = async (payload, helpers) => {
  const { emailMessageId } = jobPayload.parse(payload);
  const result = await sendQueuedEmail(emailMessageId);
  helpers.logger.info(`email ${emailMessageId}: ${result}`);
};

/** The notification jobs the worker runs (registered in apps/worker/src/task-list.ts). */
export const notificationTaskList: TaskList = {
  [SEND_EMAIL_TASK]: sendEmailTask,
};
