import { describe, expect, it } from "vitest";
import { migrationChecksum, nextMigrationFolderName, slugifyMigrationName } from "./migration-files.ts";

describe("slugifyMigrationName", () => {
  it.each([
    ["init", "init"],
    ["Add stock checks", "add_stock_checks"],
    ["addStockChecks", "add_stock_checks"],
    ["  orders & payments!! ", "orders_and_payments"],
    ["Café crème", "cafe_creme"],
  ])("%j -> %j", (name, slug) => {
    expect(slugifyMigrationName(name)).toBe(slug);
  });

  it("refuses names with nothing usable", () => {
    expect(() => slugifyMigrationName("заказы")).toThrow(/not usable/);
  });
});

describe("nextMigrationFolderName", () => {
  const now = new Date(Date.UTC(2025, 5, 30, 23, 59, 59));
  it("uses the UTC time", () => {
    expect(nextMigrationFolderName("x", [], now)).toBe("20250630235959_x");
  });
  it("sorts after the latest existing migration even if the clock is behind", () => {
    expect(nextMigrationFolderName("x", ["20250630235959_a"], now)).toBe("20250701000000_x");
    expect(nextMigrationFolderName("x", ["20991231235959_future"], now)).toBe("21000101000000_x");
  });
});

describe("migrationChecksum", () => {
  it("is SHA-256 in hex", () => {
    expect(migrationChecksum("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});
