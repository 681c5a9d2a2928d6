// Brings a database to the current schema and fills it with the demo catalogue if it is empty.
import { createPrismaClient, Prisma } from "@market/db";
import { migrateJobQueue } from "@market/db/job-queue";
import { applyMigrations } from "@market/db/migrate";
import { createSearchEngineFromEnv } from "@market/domain/search";
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
    // The seed inserts with createMany, which queues no search sync: build the index now. Also
    // when the migration creating PostgreSQL's search table has just been applied to a database
    // that already holds a catalogue, which would otherwise search an empty index.
    const engine = createSearchEngineFromEnv(process.env, { db: () => prisma });
    const searchTableCreated = engine.name === "postgres" && applied.some((name) => name.endsWith("_search"));
    if (result || searchTableCreated) {
      started = Date.now();
      await engine.reindexAll();
      console.log(`Search index (${engine.name}) built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await prisma.$disconnect();
  }
}
