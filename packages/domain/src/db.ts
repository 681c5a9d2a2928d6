import type { Prisma, PrismaClient } from "@market/db";

/** The shared client or the caller's transaction: functions that take one join the caller's unit of work. */
export type Db = PrismaClient | Prisma.TransactionClient;
