import { describe, expect, it } from "vitest";
import { backoffMs } from "./delivery.ts";

describe("backoffMs", () => {
  const policy = { baseMs: 1_000, maxMs: 60_000, maxAttempts: 100 };

  it("doubles from the base, with jitter, up to the cap", () => {
    expect(backoffMs(1, policy)).toBeGreaterThanOrEqual(750);
    expect(backoffMs(1, policy)).toBeLessThanOrEqual(1_250);
    expect(backoffMs(4, policy)).toBeGreaterThanOrEqual(6_000);
    expect(backoffMs(4, policy)).toBeLessThanOrEqual(10_000);
    for (let failures = 1; failures < 40; failures++) expect(backoffMs(failures, policy)).toBeLessThanOrEqual(60_000);
  });

  it("waits at least as long as the receiver's Retry-After, within the cap", () => {
    expect(backoffMs(1, policy, 30_000)).toBe(30_000);
    expect(backoffMs(1, policy, 600_000)).toBe(60_000);
  });
});
