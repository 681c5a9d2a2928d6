import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, forRequest, getLogger } from "./log.ts";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, destination };
}

describe("structured logs", () => {
  it("writes one JSON object per line with time, level, service and message", () => {
    const { lines, destination } = capture();
    createLogger("storefront", { destination }).info({ orderId: "o1" }, "order placed");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", service: "storefront", msg: "order placed", orderId: "o1" });
    expect(new Date(lines[0]!.time as string).toISOString()).toBe(lines[0]!.time);
  });

  it("puts the request id on every line of the request, and its children's", () => {
    const { lines, destination } = capture();
    const request = forRequest(createLogger("worker", { destination }), "req-12345678", { task: "outbox.deliver" });
    request.info("delivering");
    request.child({ eventId: "e1" }).warn("handler failed");
    expect(lines.map((l) => [l.requestId, l.task])).toEqual([
      ["req-12345678", "outbox.deliver"],
      ["req-12345678", "outbox.deliver"],
    ]);
    expect(lines[1]).toMatchObject({ level: "warn", eventId: "e1" });
  });

  it("never writes credentials", () => {
    const { lines, destination } = capture();
    createLogger("seller", { destination }).info({ headers: { authorization: "Bearer sk_live_secret", cookie: "session=abc" }, password: "hunter2" }, "request");
    const text = JSON.stringify(lines[0]);
    expect(text).not.toMatch(/sk_live_secret|session=abc|hunter2/);
    expect(lines[0]).toMatchObject({ headers: { authorization: "[redacted]" }, password: "[redacted]" });
  });

  it("respects the level and keeps one logger per service", () => {
    const { lines, destination } = capture();
    const quiet = createLogger("x", { destination, level: "warn" });
    quiet.info("hidden");
    quiet.error("shown");
    expect(lines.map((l) => l.msg)).toEqual(["shown"]);
    expect(getLogger("storefront")).toBe(getLogger("storefront"));
  });
});

describe("captured logs (tests)", () => {
  it("receive the process loggers' lines until restored", async () => {
    const { captureLogs } = await import("./log.ts");
    const capture = captureLogs();
    getLogger("captured").warn({ orderId: "o9" }, "held");
    capture.restore();
    expect(capture.lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toMatchObject([{ service: "captured", level: "warn", orderId: "o9", msg: "held" }]);
  });
});
