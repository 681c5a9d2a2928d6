// `pnpm search:reindex` rebuilds the whole search index from the catalogue, with a progress bar;
// `pnpm search:configure` applies the engine's settings (Algolia's searchable attributes, facets,
// ranking and replicas; nothing to do for PostgreSQL, whose settings are in its migration).
//
// The engine is the one the environment selects (ALGOLIA_* set: Algolia, else PostgreSQL). The
// catalogue is read from DATABASE_URL, or, when it is unset, from the development database of
// `pnpm dev` (the embedded PostgreSQL in .data/postgres, started for the command if it is not
// running). It lives in the stack package because it needs that local-stack knowledge; the work
// itself is the engines' reindexAll and configure.
import { createPrismaClient } from "@market/db";
import { EnvError } from "@market/config/env";
import { createSearchEngineFromEnv } from "@market/domain/search";
import { openStackDatabase, type StackDatabase } from "../database.ts";
import { createProgressBar, type ProgressBar } from "./progress-bar.ts";

const usage = `Usage: tsx src/search/cli.ts <reindex|configure>
  reindex     rebuild the whole index from the catalogue (applies the settings first)
  configure   apply the engine's index settings only`;

const command = process.argv[2];
if (command !== "reindex" && command !== "configure") {
  console.error(usage);
  process.exit(2);
}

let database: StackDatabase | undefined;
let bar: ProgressBar | undefined;
let code = 0;
try {
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    database = await openStackDatabase({ dataDirName: "postgres", port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 5432), durable: true });
    databaseUrl = database.url("marketplace");
  }
  const prisma = createPrismaClient(databaseUrl);
  try {
    const engine = createSearchEngineFromEnv(process.env, { db: () => prisma });
    const started = performance.now();
    // Settings first, so a fresh Algolia index facets and ranks correctly from its first record.
    await engine.configure();
    if (command === "configure") {
      console.log(`Search settings applied (${engine.name}) in ${Math.round(performance.now() - started)} ms`);
    } else {
      bar = createProgressBar(`Reindexing (${engine.name})`);
      await engine.reindexAll((done, total) => bar?.update(done, total));
      bar.finish();
      bar = undefined;
      console.log(`Search index rebuilt (${engine.name}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await prisma.$disconnect();
  }
} catch (error) {
  bar?.finish();
  if (error instanceof EnvError) console.error(error.message);
  else if (String(error).includes('"ProductSearchEntry" does not exist')) {
    console.error("The database has no search table yet: apply the migrations first (pnpm db:migrate).");
  } else console.error(error);
  code = 1;
} finally {
  await database?.stop();
}
// The embedded server's exit hooks keep the process alive otherwise (see embedded-postgres.ts).
process.exit(code);
