// Brings a database to the current schema and fills it with the demo catalogue if it is empty.
import { createPrismaClient } from "@market/db";
import { applyMigrations } from "@market/db/migrate";
import { seedDemoData } from "./seed/seed-demo-data.ts";

export async function prepareDatabase(databaseUrl: string, { filesDir, seed = true }: { filesDir: string; seed?: boolean }) {
  let started = Date.now();
  const applied = await applyMigrations(databaseUrl);
  console.log(applied.length ? `Applied ${applied.length} migration(s) in ${Date.now() - started} ms` : "Database schema is up to date");
  if (!seed) return;
  started = Date.now();
  const prisma = createPrismaClient(databaseUrl);
  try {
    const result = await seedDemoData(prisma, { filesDir });
    console.log(result ? `Demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s` : "Demo data already present");
  } finally {
    await prisma.$disconnect();
  }
}
