// Telling a shopper something: a notification in the app (the bell, /notifications) and the same
// news by email, both under one dedupe key, in one statement, so a repeated cause (a redelivered
// event) tells them once and a failure tells them nothing, to be retried as a whole.
import { newRowId } from "@market/db";
import type { Db } from "../db.ts";
import { emailConfig } from "./email-config.ts";
import { emailRowAndJob, newEmailSchema } from "./queue-email.ts";

export type ShopperNews = {
  userId: string;
  /** Machine-readable kind, e.g. "order.paid", "order.part.shipped". */
  type: string;
  title: string;
  body: string;
  /** A path in the storefront, e.g. /orders/M-2611-48213. */
  link: string;
  dedupeKey: string;
  email: { to: string; subject: string; text: string };
};

/** Returns whether this was news (false: already told). */
export async function notifyShopper(db: Db, news: ShopperNews): Promise<boolean> {
  const email = newEmailSchema.parse({ ...news.email, dedupeKey: news.dedupeKey, userId: news.userId });
  const [row] = await db.$queryRaw<{ notified: boolean }[]>`
    WITH notification AS (
      INSERT INTO "Notification" (id, "userId", type, title, body, link, "dedupeKey", "createdAt")
      VALUES (${newRowId()}::uuid, ${news.userId}::uuid, ${news.type}, ${news.title}, ${news.body}, ${news.link}, ${news.dedupeKey}, now())
      ON CONFLICT DO NOTHING
      RETURNING id
    ),
    ${emailRowAndJob(email, emailConfig().transport)}
    SELECT EXISTS (SELECT 1 FROM notification) AS notified`;
  return row!.notified;
}

/** An absolute storefront URL for a path, for emails. */
export const storefrontLink = (path: string) => `${emailConfig().storefrontUrl}${path}`;
