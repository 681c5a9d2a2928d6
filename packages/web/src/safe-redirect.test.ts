import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect.ts";

describe("safe redirect after sign-in", () => {
  it.each(["/account", "/orders?page=2"])("keeps the local path %s", (path) => expect(safeRedirect(path, "/")).toBe(path));
  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", undefined])(
    "refuses %s",
    (target) => expect(safeRedirect(target, "/")).toBe("/"),
  );
});
