import { spawn } from "node:child_process";
import path from "node:path";
import { createFreshDatabase, type FreshDatabase } from "@market/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, stopWorker } from "./worker.ts";

let database: FreshDatabase;
beforeAll(async () => {
  database = await createFreshDatabase({ label: "worker" });
});
afterAll(async () => {
  await database?.drop();
});

async function addJob(task: string, payload: unknown) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query("SELECT graphile_worker.add_job($1, $2::json)", [task, JSON.stringify(payload)]);
  } finally {
    await client.end();
  }
}

/** The worker's real entry point, as a deployment runs it. */
function startMain(env: Record<string, string>) {
  return spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: path.join(import.meta.dirname, ".."),
    env: { ...process.env, NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

describe("worker", () => {
  it("runs jobs queued in PostgreSQL and stops cleanly", async () => {
    const seen: unknown[] = [];
    let done!: () => void;
    const ran = new Promise<void>((resolve) => (done = resolve));
    const worker = await startWorker({
      connectionString: database.url,
      concurrency: 1,
      taskList: { "test.echo": async (payload) => { seen.push(payload); done(); } },
      log: () => undefined,
    });
    await addJob("test.echo", { hello: "world" });
    await ran;
    expect(seen).toEqual([{ hello: "world" }]);
    await stopWorker(worker, () => undefined);
  });

  it("shuts down on SIGTERM with exit code 0", async () => {
    const child = startMain({ DATABASE_URL: database.url });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await expect.poll(() => output, { timeout: 30_000, interval: 200 }).toContain("worker started");
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("worker stopped");
  });

  it("refuses to start without a database, saying which variable is missing", async () => {
    const child = startMain({ DATABASE_URL: "" });
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(1);
    expect(output).toContain("[worker] cannot start");
    expect(output).toContain("DATABASE_URL");
  });
});
