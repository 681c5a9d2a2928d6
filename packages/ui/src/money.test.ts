import { describe, expect, it } from "vitest";
import { formatMoney as format } from "./money.tsx";

// Intl separates groups and symbols with no-break spaces; compare with plain ones.
const formatMoney = (...args: Parameters<typeof format>) => format(...args).replace(/\s/g, " ");

describe("formatMoney", () => {
  it("formats roubles from kopecks without fractions when whole", () => {
    expect(formatMoney(149_900, "RUB", "ru")).toBe("1 499 ₽");
  });
  it("keeps kopecks when there are some", () => {
    expect(formatMoney(12_345, "RUB", "en")).toBe("₽123.45");
  });
  it("uses each currency's symbol", () => {
    expect(formatMoney(1_000, "USD", "en")).toBe("$10");
  });
});
