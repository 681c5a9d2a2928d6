import { describe, expect, it } from "vitest";
import { discountPercent, formatMoney as format, Price } from "./money.tsx";

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

describe("discountPercent", () => {
  it("rounds the saving to a whole percent", () => {
    expect(discountPercent(149_900, 199_900)).toBe(25);
  });
  it("is 0 without a higher price before", () => {
    expect(discountPercent(149_900, null)).toBe(0);
    expect(discountPercent(149_900, 149_900)).toBe(0);
    expect(discountPercent(149_900, 99_900)).toBe(0);
  });
});

describe("Price", () => {
  // The element tree as JSON: enough to see what reaches the page without a DOM.
  const rendered = (props: Parameters<typeof Price>[0]) => JSON.stringify(Price(props)).replace(/\s/g, " ");

  it("names the crossed-out price in the words it is given", () => {
    const html = rendered({ amountMinor: 149_900, compareAtMinor: 199_900, currency: "RUB", locale: "ru", wasLabel: (price) => `Было ${price}` });
    expect(html).toContain('"aria-label":"Было 1 999 ₽"');
    expect(html).toContain("−25%");
  });
  it("shows only the price when there is no discount", () => {
    const html = rendered({ amountMinor: 149_900, compareAtMinor: null, currency: "RUB", locale: "en", wasLabel: () => "unused" });
    expect(html).not.toContain("aria-label");
    expect(html).not.toContain("%");
  });
});
