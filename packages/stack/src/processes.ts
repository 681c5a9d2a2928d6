// Child processes of the local stack: each line prefixed with its name, all stopped together.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

export type ManagedProcess = { name: string; child: ChildProcess; exited: Promise<number> };

const COLOURS = ["\x1b[35m", "\x1b[36m", "\x1b[33m", "\x1b[32m", "\x1b[34m"];

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; quiet?: boolean },
): ManagedProcess {
  const colour = COLOURS[name.length % COLOURS.length]!;
  const prefix = process.stdout.isTTY ? `${colour}[${name}]\x1b[0m ` : `[${name}] `;
  // Own process group, so stopping it also stops what it started (next start, tsx watch).
  // Next would otherwise try to send anonymous telemetry from every build and server.
  const env = { NEXT_TELEMETRY_DISABLED: "1", ...options.env };
  const child = spawn(command, args, { cwd: options.cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const pipe = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
    let buffered = "";
    stream?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      if (!options.quiet) for (const line of lines) out.write(prefix + line + "\n");
    });
  };
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
  const exited = new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  return { name, child, exited };
}

/** SIGTERM to the whole group, then SIGKILL if it has not gone within the grace period. */
export async function stopProcess(proc: ManagedProcess, graceMs = 10_000): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null || !proc.child.pid) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-proc.child.pid!, signal);
    } catch {
      /* already gone */
    }
  };
  signalGroup("SIGTERM");
  const done = await Promise.race([proc.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) signalGroup("SIGKILL");
}

/** Polls a URL until it answers 200, or fails with what went wrong. */
export async function waitForHttp(url: string, { timeoutMs = 120_000, proc }: { timeoutMs?: number; proc?: ManagedProcess } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = "no answer";
  while (Date.now() < deadline) {
    if (proc && proc.child.exitCode !== null) throw new Error(`${proc.name} exited with code ${proc.child.exitCode} before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = String(error);
    }
    await sleep(500);
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000}s (${lastProblem})`);
}

/** Fails when something already listens on the port: tests must never talk to a stale server. */
export async function assertPortFree(port: number): Promise<void> {
  const inUse = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
  if (inUse) throw new Error(`Port ${port} is already in use. Stop whatever runs there (ss -ltnp | grep ${port}) and try again.`);
}
