// The worker's small HTTP server, for the platform rather than for users: GET /api/health for
// Docker's HEALTHCHECK and Kubernetes' probes (503 once shutdown has begun), GET /api/metrics for
// Prometheus (METRICS_TOKEN, as in the apps), including the job queue read at scrape time.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { metricsReply } from "@market/observability/metrics-endpoint";

export type OpsServer = { server: Server; port: number; close(): Promise<void> };

export type WorkerState = () => { status: "starting" | "running" | "stopping"; concurrency: number };

export async function startOpsServer({ port, host, state }: { port: number; host: string; state: WorkerState }): Promise<OpsServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://worker").pathname;
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain" }).end("Method not allowed\n");
      return;
    }
    if (path === "/api/health") {
      const now = state();
      // Starting counts as healthy: the runner connects within seconds, and a probe failing then
      // would only restart it. Stopping is not: no new work should be routed to a draining pod.
      response
        .writeHead(now.status === "stopping" ? 503 : 200, { "Content-Type": "application/json", "Cache-Control": "no-store" })
        .end(JSON.stringify({ status: now.status === "stopping" ? "stopping" : "ok", runner: now.status, concurrency: now.concurrency }));
      return;
    }
    if (path === "/api/metrics") {
      metricsReply(request.headers.authorization).then(
        (reply) => response.writeHead(reply.status, reply.headers).end(reply.body),
        (error: unknown) => response.writeHead(500, { "Content-Type": "text/plain" }).end(`Metrics failed: ${error instanceof Error ? error.message : String(error)}\n`),
      );
      return;
    }
    response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
