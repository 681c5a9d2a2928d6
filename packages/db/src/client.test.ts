import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createPrismaClient, disconnectPrisma, getPrisma, pingDatabase } from "./client.ts";
import { Role } from "./index.ts";
import { createFreshDatabase, type FreshDatabase } from "./testing/fresh-database.ts";

describe("client", () => {
  let db: FreshDatabase;
  beforeAll(async () => {
    db = await createFreshDatabase({ adminUrl: inject("testDatabaseAdminUrl"), label: "client" });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await disconnectPrisma();
    await db?.drop();
  });

  it("reads and writes through the pg adapter", async () => {
    const prisma = createPrismaClient(db.url);
    try {
      const user = await prisma.user.create({ data: { email: "ann@example.com", name: "Ann" } });
      expect(user.role).toBe(Role.CUSTOMER);
      expect(user.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/); // UUIDv7
    } finally {
      await prisma.$disconnect();
    }
  });

  it("getPrisma() explains a missing DATABASE_URL, and pingDatabase reports it", async () => {
    await disconnectPrisma();
    vi.stubEnv("DATABASE_URL", "");
    expect(() => getPrisma()).toThrow(/DATABASE_URL is not set/);
    const ping = await pingDatabase();
    expect(ping.ok).toBe(false);
    expect(ping.error).toMatch(/DATABASE_URL is not set/);
  });

  it("getPrisma() is a singleton on DATABASE_URL, and pingDatabase succeeds on it", async () => {
    vi.stubEnv("DATABASE_URL", db.url);
    expect(getPrisma()).toBe(getPrisma());
    const ping = await pingDatabase();
    expect(ping).toMatchObject({ ok: true });
    await disconnectPrisma();
  });

  it("pingDatabase fails fast when nothing answers", async () => {
    // A server that accepts TCP connections but never speaks: the timeout must kick in.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const prisma = createPrismaClient(`postgresql://x:y@127.0.0.1:${port}/none`, { connectionTimeoutMillis: 500 });
    try {
      const ping = await pingDatabase({ prisma, timeoutMs: 300 });
      expect(ping.ok).toBe(false);
      expect(ping.latencyMs).toBeLessThan(2_000);
    } finally {
      silent.close();
      await prisma.$disconnect().catch(() => undefined);
    }
  });
});
