// The API lane against a stand-in build: route modules shaped as Next's App Router builds them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLogger } from "@market/observability/log";
import { API_LANE_MAX_BODY_BYTES, compileRoute, createApiLane } from "./api-lane.ts";

let dir: string;
let server: Server;
let base: string;
const warnings: string[] = [];

function builtRoute(route: string, source: string) {
  const folder = path.join(dir, ".next", "server", "app", route);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "route.js"), source);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "api-lane-"));
  builtRoute(
    "api/echo/[...path]",
    `const userland = {
       async POST(request, { params }) {
         const body = await request.text();
         const headers = new Headers({ "content-type": "application/json", "x-handled": "lane" });
         headers.append("set-cookie", "a=1; Path=/");
         headers.append("set-cookie", "b=2; Path=/");
         return new Response(JSON.stringify({ params: await params, body, url: request.url, cookie: request.headers.get("cookie") }), { status: 201, headers });
       },
       async GET() { throw new Error("database exploded"); },
     };
     exports.routeModule = { async ensureUserland() {}, get userland() { return userland; } };`,
  );
  builtRoute("api/odd", `exports.somethingElse = true;`);
  const log = getLogger("api-lane-test");
  const lane = await createApiLane(dir, ["/api/echo/[...path]", "/api/odd"], { ...log, warn: (fields: { route: string }) => warnings.push(fields.route), error: () => undefined } as never);
  server = createServer((request, response) => {
    if (!lane(request, response)) response.writeHead(404, { "x-handled": "next" }).end("from next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe("the API lane", () => {
  it("calls the built handler with the raw body, headers and route params, and writes every cookie back", async () => {
    const response = await fetch(`${base}/api/echo/a/b%20c?x=1`, { method: "POST", body: '{"raw": true}', headers: { cookie: "s=1" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-handled")).toBe("lane");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    const echoed = await response.json();
    expect(echoed).toMatchObject({ params: { path: ["a", "b c"] }, body: '{"raw": true}', cookie: "s=1" });
    expect(echoed.url).toMatch(/\/api\/echo\/a\/b%20c\?x=1$/);
  });

  it("answers 500 with a JSON error, not a stack trace, when a handler throws", async () => {
    const response = await fetch(`${base}/api/echo/x`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "internal_error", message: "Something went wrong on our side. Please try again." } });
    expect(text).not.toContain("exploded");
  });

  it("refuses a body over the limit with 413", async () => {
    const response = await fetch(`${base}/api/echo/x`, { method: "POST", body: "x".repeat(API_LANE_MAX_BODY_BYTES + 1) });
    expect(response.status).toBe(413);
  });

  it("leaves to Next what it does not serve: other paths, other methods, and routes built in a shape it does not know", async () => {
    expect((await fetch(`${base}/api/other`)).headers.get("x-handled")).toBe("next");
    expect((await fetch(`${base}/api/echo/x`, { method: "DELETE" })).headers.get("x-handled")).toBe("next");
    expect((await fetch(`${base}/api/odd`)).headers.get("x-handled")).toBe("next");
    expect(warnings).toEqual(["/api/odd"]);
  });

  it("matches Next's dynamic segments", () => {
    expect(compileRoute("/api/trpc/[trpc]").pattern.test("/api/trpc/cart.add")).toBe(true);
    expect(compileRoute("/api/trpc/[trpc]").pattern.test("/api/trpc/a/b")).toBe(false);
    const optional = compileRoute("/api/seller/v1/[[...path]]").pattern;
    expect(["/api/seller/v1", "/api/seller/v1/", "/api/seller/v1/products/1"].map((p) => optional.test(p))).toEqual([true, true, true]);
    expect(optional.test("/api/seller/v10")).toBe(false);
  });
});
