import { parseCrontab } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { crontab } from "./crontab.ts";
import { taskList } from "./task-list.ts";

describe("the worker's crontab", () => {
  it("parses, and names only tasks the worker has", () => {
    const items = parseCrontab(crontab);
    expect(items.map((item) => item.task)).toContain("checkout:expire-due-orders");
    expect(items.map((item) => item.task)).toContain("payments:reconcile");
    expect(items.map((item) => item.task)).toContain("seller-api:prune-idempotency");
    expect(items.map((item) => item.task)).toContain("files:prune-orphans");
    for (const item of items) expect(taskList[item.task]).toBeTypeOf("function");
  });
});
