// The Seller API's housekeeping: the rate limit read from the environment, and the daily prune
// of Idempotency-Key records past their 24 hours.
import { getPrisma } from "@market/db";
import { EnvError } from "@market/config/env";
import { describe, expect, it } from "vitest";
import { pruneIdempotencyRecords } from "./idempotency.ts";
import { sellerApiRateLimit } from "./rate-limit.ts";

describe("SELLER_API_RATE_LIMIT_PER_MINUTE", () => {
  it("defaults to 120 per minute and takes a configured value", () => {
    expect(sellerApiRateLimit({})).toEqual({ limit: 120, windowSeconds: 60 });
    expect(sellerApiRateLimit({ SELLER_API_RATE_LIMIT_PER_MINUTE: "" })).toEqual({ limit: 120, windowSeconds: 60 });
    expect(sellerApiRateLimit({ SELLER_API_RATE_LIMIT_PER_MINUTE: "600" })).toEqual({ limit: 600, windowSeconds: 60 });
  });

  it("names the variable when the value is not a positive whole number", () => {
    for (const bad of ["0", "-5", "1.5", "lots"]) {
      expect(() => sellerApiRateLimit({ SELLER_API_RATE_LIMIT_PER_MINUTE: bad })).toThrow(EnvError);
      expect(() => sellerApiRateLimit({ SELLER_API_RATE_LIMIT_PER_MINUTE: bad })).toThrow(/SELLER_API_RATE_LIMIT_PER_MINUTE/);
    }
  });
});

describe("pruneIdempotencyRecords", () => {
  it("deletes records older than 24 hours, in batches, and keeps the rest", async () => {
    const prisma = getPrisma();
    const now = new Date("2026-11-24T12:00:00Z");
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    const rows = [
      ...Array.from({ length: 7 }, (_, i) => ({ scope: "seller-api:old", key: `old-${i}`, requestHash: "h", createdAt: hoursAgo(25 + i), responseStatus: 200 })),
      { scope: "seller-api:new", key: "recent", requestHash: "h", createdAt: hoursAgo(23), responseStatus: 200 },
      { scope: "seller-api:new", key: "running", requestHash: "h", createdAt: hoursAgo(1) },
    ];
    await prisma.idempotencyRecord.createMany({ data: rows });
    expect(await pruneIdempotencyRecords({ now, batchSize: 3 })).toBe(7);
    expect((await prisma.idempotencyRecord.findMany({ orderBy: { key: "asc" }, select: { key: true } })).map((r) => r.key)).toEqual(["recent", "running"]);
    expect(await pruneIdempotencyRecords({ now })).toBe(0);
  });
});
