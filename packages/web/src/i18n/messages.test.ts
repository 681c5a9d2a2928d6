import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./locales.ts";
import { createTranslator, messagesFor } from "./messages.ts";

describe("interface text", () => {
  it("has every English key in Russian, none empty", () => {
    const en = messagesFor("en");
    const ru = messagesFor("ru");
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    expect(Object.values(ru).every((text) => text.trim().length > 0)).toBe(true);
  });
  it("fills parameters and picks plural forms per language", () => {
    expect(createTranslator("en")("product.reviews", { count: 1 })).toBe("1 review");
    expect(createTranslator("en")("product.reviews", { count: 5 })).toBe("5 reviews");
    expect(createTranslator("ru")("product.reviews", { count: 1 })).toBe("1 отзыв");
    expect(createTranslator("ru")("product.reviews", { count: 3 })).toBe("3 отзыва");
    expect(createTranslator("ru")("product.reviews", { count: 11 })).toBe("11 отзывов");
  });
  it("reads the browser's language", () => {
    expect(localeFromAcceptLanguage("ru-RU,ru;q=0.9,en;q=0.8")).toBe("ru");
    expect(localeFromAcceptLanguage("de-DE")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
  });
});
