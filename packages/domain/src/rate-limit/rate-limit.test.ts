import { describe, expect, it } from "vitest";
import { checkRateLimit, hitRateLimit, resetRateLimit } from "./index.ts";

const bucket = (key: string) => ({ key, limit: 3, windowSeconds: 60 });

describe("rate limit buckets", () => {
  it("counts hits in a window and tells how long to wait", async () => {
    const now = new Date("2026-01-01T10:00:00Z");
    const b = bucket("test:window");
    expect((await hitRateLimit(b, now)).remaining).toBe(2);
    await hitRateLimit(b, now);
    const third = await hitRateLimit(b, now);
    expect(third).toMatchObject({ allowed: true, remaining: 0 });
    const fourth = await hitRateLimit(b, new Date(now.getTime() + 10_000));
    expect(fourth).toMatchObject({ allowed: false, retryAfterSeconds: 50 });
    expect((await checkRateLimit(b, new Date(now.getTime() + 10_000))).allowed).toBe(false);
  });

  it("starts a new window once the old one has passed", async () => {
    const now = new Date("2026-01-01T10:00:00Z");
    const b = bucket("test:expiry");
    for (let i = 0; i < 4; i++) await hitRateLimit(b, now);
    const later = new Date(now.getTime() + 61_000);
    expect((await checkRateLimit(b, later)).allowed).toBe(true);
    expect(await hitRateLimit(b, later)).toMatchObject({ count: 1, remaining: 2 });
  });

  it("does not let concurrent hits slip under the limit", async () => {
    const b = { key: "test:concurrent", limit: 10, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(b)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(Math.max(...results.map((r) => r.count))).toBe(25);
  });

  it("can be reset", async () => {
    const b = bucket("test:reset");
    for (let i = 0; i < 5; i++) await hitRateLimit(b);
    await resetRateLimit(b.key);
    expect((await checkRateLimit(b)).allowed).toBe(true);
  });
});
