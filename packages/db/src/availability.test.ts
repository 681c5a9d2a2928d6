import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./availability.ts";
import { createPrismaClient } from "./client.ts";

describe("isDatabaseUnavailable", () => {
  it("recognises a server that cannot be reached, through queries, raw SQL and transactions", async () => {
    const prisma = createPrismaClient("postgresql://postgres:postgres@127.0.0.1:1/none", { connectionTimeoutMillis: 1_000 });
    try {
      const failures = await Promise.all([
        prisma.user.count().catch((e: unknown) => e),
        prisma.$queryRaw`SELECT 1`.catch((e: unknown) => e),
        prisma.$transaction(async (tx) => tx.user.count()).catch((e: unknown) => e),
      ]);
      for (const failure of failures) expect(isDatabaseUnavailable(failure)).toBe(true);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("recognises a server shutting down or starting up, and nothing else", () => {
    expect(isDatabaseUnavailable({ kind: "postgres", code: "57P01", message: "terminating connection" })).toBe(true);
    expect(isDatabaseUnavailable({ code: "57P03" })).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable({ code: "P2002", message: "Unique constraint failed" })).toBe(false);
    expect(isDatabaseUnavailable({ kind: "postgres", code: "23505" })).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
