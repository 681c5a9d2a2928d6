// A throw-away, seeded database for a benchmark on the bench PostgreSQL (.data/postgres-bench,
// port BENCH_POSTGRES_PORT or 5434; DATABASE_URL's server when set). What it creates is undone
// by the cleanups it registers, newest first.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient, type PrismaClient } from "@market/db";
import { createDatabase, dropDatabase } from "@market/db/admin";
import { openStackDatabase, type StackDatabase } from "../database.ts";
import { prepareDatabase } from "../prepare-database.ts";

export type BenchDatabase = { stack: StackDatabase; databaseUrl: string; filesDir: string; prisma: PrismaClient };

export async function openBenchDatabase(label: string, cleanups: (() => Promise<void>)[]): Promise<BenchDatabase> {
  const stack = await openStackDatabase({ dataDirName: "postgres-bench", port: Number(process.env.BENCH_POSTGRES_PORT ?? 5434), durable: false });
  const databaseName = `bench_${label}_${Date.now()}`;
  await createDatabase(stack.serverUrl, databaseName);
  cleanups.push(() => dropDatabase(stack.serverUrl, databaseName));
  const databaseUrl = stack.url(databaseName);
  const filesDir = mkdtempSync(path.join(os.tmpdir(), `bench-${label}-files-`));
  cleanups.push(async () => rmSync(filesDir, { recursive: true, force: true }));
  await prepareDatabase(databaseUrl, { filesDir });
  const prisma = createPrismaClient(databaseUrl);
  cleanups.push(() => prisma.$disconnect());
  return { stack, databaseUrl, filesDir, prisma };
}
