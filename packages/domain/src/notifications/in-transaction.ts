import type { Prisma, PrismaClient } from "@market/db";
import type { Db } from "../db.ts";

/**
 * Runs `work` in the caller's transaction, or in a new one when given the shared client. A
 * transaction client has `$transaction` too (Prisma 7 nests with savepoints, two more round trips),
 * but not `$connect`, which only the client itself has.
 */
export function inTransaction<T>(db: Db, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  if (typeof (db as Partial<PrismaClient>).$connect === "function") return (db as PrismaClient).$transaction(work);
  return work(db as Prisma.TransactionClient);
}
