import type { Prisma, PrismaClient } from "@market/db";
import type { Db } from "../db.ts";

/** Runs `work` in the caller's transaction, or in a new one when given the shared client. */
export function inTransaction<T>(db: Db, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  if (typeof (db as Partial<PrismaClient>).$transaction === "function") return (db as PrismaClient).$transaction(work);
  return work(db as Prisma.TransactionClient);
}
