// A server for server-shutdown.test.ts: the production server's shutdown (drainOnSignal) around
// a handler with a slow route, in a process of its own so it can receive a real SIGTERM.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getLogger } from "@market/observability/log";
import { drainOnSignal } from "../server.ts";

const slowMs = Number(process.env.SLOW_MS ?? 1500);
const server = createServer((request, response) => {
  if (request.url === "/slow") setTimeout(() => response.end("finished"), slowMs);
  else response.end("ok");
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ fixturePort: (server.address() as AddressInfo).port })}\n`);
});
drainOnSignal(server, { log: getLogger("drain-fixture"), timeoutMs: Number(process.env.DRAIN_TIMEOUT_MS ?? 25_000) });
