// Production HTTP server for both apps: Next's request handler behind Node's own server, so
//  - the socket's address reaches the app in a header no client can set (`next start` keeps a
//    client's X-Forwarded-For as it is, which would let anyone reset a rate limit);
//  - every response gets the static security headers and an x-request-id, without running the
//    Next proxy for API routes (see ./security-proxy.ts);
//  - anonymous catalogue pages can be served from a short-lived cache (./page-cache.ts), which
//    needs to see pages before compression, so compression happens here rather than in Next
//    (apps using the cache set `compress: false` in next.config; an already compressed
//    response passes through untouched);
//  - the hot API routes skip Next's request pipeline (./api-lane.ts);
//  - SIGTERM stops taking connections and lets requests in flight finish before exiting.
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import compression from "compression";
import next from "next";
import { getLogger, setProcessService, type Logger } from "@market/observability/log";
import { metrics, routeGroup, statusClass } from "@market/observability/metrics";
import { PEER_ADDRESS_HEADER } from "@market/auth/client-address";
import { staticSecurityHeaders } from "./content-security-policy.ts";
import { createApiLane } from "./api-lane.ts";
import { createPageCache, servePage, type PageCacheOptions } from "./page-cache.ts";
// Not from ./security-proxy.ts: next/server must not load before next() has set up its runtime.
import { requestIdFrom } from "./request-id.ts";

// JSON has no scripts to allow: API responses get a policy that allows nothing.
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export async function startNextServer({ dir, port, hostname = "0.0.0.0", pageCache, apiLane = [], service = path.basename(dir) }: {
  dir: string;
  port: number;
  hostname?: string;
  pageCache?: PageCacheOptions;
  /** App Router API routes ("/api/trpc/[trpc]") served without Next's pipeline; see ./api-lane.ts. */
  apiLane?: string[];
  /** The name on log lines ("storefront", "seller"); the app's folder name by default. */
  service?: string;
}) {
  setProcessService(service);
  const log = getLogger(service);
  const latency = metrics().httpRequestDuration;
  useBuiltConfig(dir);
  const app = next({ dev: false, dir, port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const cache = pageCache ? createPageCache(pageCache) : null;
  const compress = compression();
  const serveFromLane = await createApiLane(dir, apiLane, log);

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    // Overwrites whatever the client sent under this name.
    request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "unknown";
    const requestId = requestIdFrom(request.headers["x-request-id"] as string | undefined);
    request.headers["x-request-id"] = requestId;
    response.setHeader("x-request-id", requestId);
    const started = process.hrtime.bigint();
    response.once("finish", () => {
      const route = routeGroup(request.url ?? "/");
      latency.observe({ route, method: request.method ?? "GET", status: statusClass(response.statusCode) }, Number(process.hrtime.bigint() - started) / 1e9);
      // 503 is a deliberate answer (database down, health degraded): a warning, not an error.
      if (response.statusCode >= 500) log[response.statusCode === 503 ? "warn" : "error"]({ requestId, method: request.method, route, status: response.statusCode }, "request failed");
    });
    for (const [name, value] of Object.entries(staticSecurityHeaders)) response.setHeader(name, value);
    if (request.url?.startsWith("/api/")) response.setHeader("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);

    compress(request as Parameters<typeof compress>[0], response as Parameters<typeof compress>[1], () => {
      if (serveFromLane(request, response)) return;
      const render = () => void handle(request, response);
      if (cache) servePage(cache, request, response, render);
      else render();
    });
  });
  server.listen(port, hostname, () => {
    log.info({ url: `http://localhost:${port}`, pageCache: cache?.enabled ?? false, apiLane }, "listening");
  });
  drainOnSignal(server, { log });
  return { server, pageCache: cache };
}

/**
 * SIGTERM (Kubernetes stopping the pod) or SIGINT: stop accepting connections, let the requests in
 * flight finish, then exit 0; after `timeoutMs` exit 1 whatever still runs. The pod's grace period
 * (deploy/kubernetes) is longer than the preStop pause plus this.
 */
export function drainOnSignal(server: Server, { log, timeoutMs = 25_000, exit = (code: number) => process.exit(code) }: { log: Logger; timeoutMs?: number; exit?: (code: number) => void }) {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down; finishing requests in flight");
    server.close(() => {
      log.info("all requests finished; exiting");
      exit(0);
    });
    // Keep-alive connections with no request running would hold close() open until they time out.
    server.closeIdleConnections();
    const idle = setInterval(() => server.closeIdleConnections(), 250);
    idle.unref();
    setTimeout(() => {
      log.error({ timeoutMs }, "requests still running at the shutdown deadline; exiting");
      exit(1);
    }, timeoutMs).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

/**
 * Runs the build's own copy of the configuration, as Next's standalone server.js does. The
 * container image has no next.config.ts (nor the TypeScript to load it) and `next()` would
 * otherwise warn that a standalone build is being started like `next start`.
 */
function useBuiltConfig(dir: string) {
  const file = path.join(dir, ".next", "required-server-files.json");
  if (process.env.__NEXT_PRIVATE_STANDALONE_CONFIG || !existsSync(file)) return;
  const { config } = JSON.parse(readFileSync(file, "utf8")) as { config: { output?: string } };
  if (config.output === "standalone") process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}
