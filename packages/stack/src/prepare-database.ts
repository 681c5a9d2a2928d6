// Brings a database to the current schema and fills it with the demo catalogue if it is empty.
import { createPrismaClient, Prisma } from "@market/db";
import { migrateJobQueue } from "@market/db/job-queue";
import { applyMigrations } from "@market/db/migrate";
import { seedDemoData } from "./seed/seed-demo-data.ts";

export async function prepareDatabase(databaseUrl: string, { filesDir, seed = true }: { filesDir: string; seed?: boolean }) {
  let started = Date.now();
  const applied = await applyMigrations(databaseUrl);
  await migrateJobQueue(databaseUrl);
  console.log(applied.length ? `Applied ${applied.length} migration(s) in ${Date.now() - started} ms` : "Database schema is up to date");
  if (!seed) return;
  started = Date.now();
  const prisma = createPrismaClient(databaseUrl);
  try {
    const result = await seedDemoData(prisma, { filesDir }).catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new Error(
          "The database holds some of the demo rows (for example a demo account) but not the demo data, so the demo " +
            "data cannot be added. Use an empty database: stop `pnpm dev`, delete .data/postgres, and start again.",
          { cause: error },
        );
      }
      throw error;
    });
    console.log(result ? `Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s` : "Demo data already present");
  } finally {
    await prisma.$disconnect();
  }
}
