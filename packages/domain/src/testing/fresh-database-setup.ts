// Vitest setup file for integration tests: each test file gets its own fresh, migrated
// database with the job queue installed, and the shared Prisma client (getPrisma) points at it.
import { disconnectPrisma } from "@market/db";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { afterAll, beforeAll } from "vitest";

let database: FreshDatabase | undefined;

beforeAll(async () => {
  database = await createFreshDatabase({ label: "domain" });
  process.env.DATABASE_URL = database.url;
  // The job queue's tables, as `pnpm db:migrate` installs them: domain code queues jobs in its
  // own transactions (outbox delivery, reservation expiry, search sync).
  const { migrateJobQueue } = await import("@market/db/job-queue");
  await migrateJobQueue(database.url);
});

afterAll(async () => {
  await disconnectPrisma();
  await database?.drop();
});
