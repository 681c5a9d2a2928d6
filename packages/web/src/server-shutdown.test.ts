// Graceful shutdown of the apps' production server (drainOnSignal in server.ts): on SIGTERM the
// request in flight completes, new connections are refused, and the process exits 0; a request
// that outlives the deadline makes it exit 1 rather than hang the pod's termination.
import { spawn, type ChildProcess } from "node:child_process";
import { request } from "node:http";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const fixture = path.join(import.meta.dirname, "testing", "drain-fixture.ts");
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

async function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", fixture], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"fixturePort":(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`fixture exited with ${code}: ${output}`)));
  });
  const exited = new Promise<{ code: number | null; ms: number }>((resolve) => {
    const from = Date.now();
    child.once("exit", (code) => resolve({ code, ms: Date.now() - from }));
  });
  return { child, port, exited, output: () => output };
}

function get(port: number, pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: pathname, agent: false }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("SIGTERM on the production server", () => {
  it("finishes the request in flight, refuses new connections and exits 0", async () => {
    const server = await start({ SLOW_MS: "1500" });
    expect(await get(server.port, "/")).toEqual({ status: 200, body: "ok" });

    const inFlight = get(server.port, "/slow");
    await new Promise((r) => setTimeout(r, 300)); // the request has reached the handler
    server.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 200));
    await expect(get(server.port, "/")).rejects.toMatchObject({ code: "ECONNREFUSED" });

    expect(await inFlight).toEqual({ status: 200, body: "finished" });
    const { code, ms } = await server.exited;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5_000);
    expect(server.output()).toMatch(/"msg":"shutting down; finishing requests in flight"/);
    expect(server.output()).toMatch(/"signal":"SIGTERM"/);
  });

  it("exits 1 at the deadline when a request is still running", async () => {
    const server = await start({ SLOW_MS: "20000", DRAIN_TIMEOUT_MS: "800" });
    const inFlight = get(server.port, "/slow").catch((error: NodeJS.ErrnoException) => error.code);
    await new Promise((r) => setTimeout(r, 300));
    server.child.kill("SIGTERM");
    const { code, ms } = await server.exited;
    expect(code).toBe(1);
    expect(ms).toBeLessThan(5_000);
    expect(await inFlight).toBe("ECONNRESET");
  });
});
