// `pnpm db:seed`: fills DATABASE_URL's database with the demo catalogue, or says it is already
// there. Pictures go to FILES_DIR (default <repo>/.data/files), the local file store the apps
// serve from.
import path from "node:path";
import { createPrismaClient } from "@market/db";
import { dataDir } from "@market/db/paths";
import { DEMO_ACCOUNTS } from "./accounts.ts";
import { seedDemoData } from "./seed-demo-data.ts";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl || !/^postgres(ql)?:\/\//.test(databaseUrl)) {
  console.error("DATABASE_URL must be set to a postgresql:// URL of a migrated database (pnpm db:migrate).");
  process.exit(1);
}
const filesDir = path.resolve(process.env.FILES_DIR ?? dataDir("files"));
const verbose = process.argv.includes("--verbose");

const started = performance.now();
const prisma = createPrismaClient(databaseUrl);
try {
  const counts = await seedDemoData(prisma, { filesDir, log: verbose ? (line) => console.log(line) : undefined });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!counts) {
    console.log("demo data already present");
  } else {
    console.log(`Seeded the demo data in ${seconds} s:`);
    for (const [table, count] of Object.entries(counts)) console.log(`  ${table.padEnd(24)} ${count.toLocaleString("en")}`);
    console.log(`  pictures in ${filesDir}`);
    console.log("Demo sign-ins:");
    for (const account of Object.values(DEMO_ACCOUNTS)) console.log(`  ${account.role.padEnd(9)} ${account.email.padEnd(22)} ${account.password}`);
  }
} catch (error) {
  console.error("Seeding the demo data failed:", error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
