// How email leaves the system, read from the environment at call time (tests and deployments
// change it there): through the SMTP server at SMTP_URL, or nowhere, with the development mailbox
// page as the delivery.
import { emailEnv } from "@market/config/env";

export type EmailConfig = {
  transport: EmailTransport;
  smtpUrl: string | null;
  from: string;
  /** Absolute links in emails start with this (no trailing slash). */
  storefrontUrl: string;
};

export function emailConfig(source: Record<string, string | undefined> = process.env): EmailConfig {
  const env = emailEnv(source);
  return {
    transport: env.SMTP_URL ? "smtp" : "mailbox",
    smtpUrl: env.SMTP_URL ?? null,
    from: env.EMAIL_FROM,
    storefrontUrl: env.STOREFRONT_URL.replace(/\/+$/, ""),
  };
}

export type MailboxAvailability = { available: true } | { available: false; reason: "smtp" | "production" };

/**
 * The development mailbox lists everyone's mail, so it exists only where no real mail goes out
 * (no SMTP_URL) and outside production, unless DEV_MAILBOX=1 turns it on there on purpose (the
 * end-to-end run starts production builds and reads mail from it).
 */
export function mailboxAvailability(source: Record<string, string | undefined> = process.env): MailboxAvailability {
  const env = emailEnv(source);
  if (env.SMTP_URL) return { available: false, reason: "smtp" };
  if (source.NODE_ENV === "production" && env.DEV_MAILBOX !== "1") return { available: false, reason: "production" };
  return { available: true };
}

export type EmailTransport = "smtp" | "mailbox";
