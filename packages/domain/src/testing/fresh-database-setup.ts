// Vitest setup file for integration tests: each test file gets its own fresh, migrated
// database, and the shared Prisma client (getPrisma) points at it.
import { disconnectPrisma } from "@market/db";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import { afterAll, beforeAll } from "vitest";

let database: FreshDatabase | undefined;

beforeAll(async () => {
  database = await createFreshDatabase({ label: "domain" });
  process.env.DATABASE_URL = database.url;
});

afterAll(async () => {
  await disconnectPrisma();
  await database?.drop();
});
