import { describe, expect, it } from "vitest";
import { newRowId } from "./ids.ts";

describe("newRowId", () => {
  it("makes version-7 UUIDs that sort by creation time", () => {
    const ids = [newRowId(1_700_000_000_000), newRowId(1_700_000_000_001), newRowId(1_800_000_000_000)];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]!.startsWith("018bcfe5-6800")).toBe(true); // 1_700_000_000_000 ms in hex
    expect(new Set(Array.from({ length: 1000 }, () => newRowId())).size).toBe(1000);
  });
});
