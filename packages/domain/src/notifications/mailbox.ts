// The development mailbox: every email the system has written, newest first, for the storefront's
// /dev/mailbox page. Only where no real mail goes out and not in production (mailboxAvailability):
// it shows everyone's mail.
import { getPrisma } from "@market/db";
import { z } from "zod";
import { AppError } from "../errors.ts";
import { mailboxAvailability } from "./email-config.ts";

export const listMailboxInput = z.object({
  /** Part of the recipient's address, any case. */
  to: z.string().trim().max(320, "Keep the address under 320 characters").optional(),
  cursor: z.uuid("Unknown position in the list").optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListMailboxInput = z.input<typeof listMailboxInput>;

export type MailboxMessage = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  transport: string;
  sentAt: Date | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
};

export type MailboxPage = { items: MailboxMessage[]; nextCursor: string | null };

export const MAILBOX_UNAVAILABLE = {
  smtp: "The development mailbox is off because SMTP_URL is set: emails are sent to real inboxes.",
  production: "The development mailbox is off in production. Set DEV_MAILBOX=1 to turn it on (test environments only: it shows everyone's mail).",
} as const;

/** Throws NOT_FOUND, saying why, where the mailbox is off. */
export async function listMailbox(input: ListMailboxInput = {}): Promise<MailboxPage> {
  const availability = mailboxAvailability();
  if (!availability.available) throw new AppError("NOT_FOUND", MAILBOX_UNAVAILABLE[availability.reason]);
  const { to, cursor, limit } = listMailboxInput.parse(input);
  const rows = await getPrisma().emailMessage.findMany({
    where: to ? { to: { contains: to, mode: "insensitive" } } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: { id: true, to: true, subject: true, text: true, html: true, transport: true, sentAt: true, attempts: true, lastError: true, createdAt: true },
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
