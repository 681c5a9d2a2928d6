// Telling a shopper something: a notification in the app (the bell, /notifications) and the same
// news by email, both under one dedupe key, in one transaction, so a repeated cause (a redelivered
// event) tells them once and a failure tells them nothing, to be retried as a whole.
import type { Db } from "../db.ts";
import { inTransaction } from "./in-transaction.ts";
import { emailConfig } from "./email-config.ts";
import { queueEmail } from "./queue-email.ts";

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
  return inTransaction(db, async (tx) => {
    const created = await tx.notification.createMany({
      data: [{ userId: news.userId, type: news.type, title: news.title, body: news.body, link: news.link, dedupeKey: news.dedupeKey }],
      skipDuplicates: true,
    });
    await queueEmail(tx, { ...news.email, dedupeKey: news.dedupeKey, userId: news.userId });
    return created.count > 0;
  });
}

/** An absolute storefront URL for a path, for emails. */
export const storefrontLink = (path: string) => `${emailConfig().storefrontUrl}${path}`;
