// Production HTTP server for both apps: Next's request handler behind Node's own server, so
//  - the socket's address reaches the app in a header no client can set (`next start` keeps a
//    client's X-Forwarded-For as it is, which would let anyone reset a rate limit);
//  - every response gets the static security headers and an x-request-id, without running the
//    Next proxy for API routes (see ./security-proxy.ts);
//  - anonymous catalogue pages can be served from a short-lived cache (./page-cache.ts), which
//    needs to see pages before compression, so compression happens here rather than in Next
//    (apps using the cache set `compress: false` in next.config; an already compressed
//    response passes through untouched);
//  - SIGTERM stops taking connections and lets requests in flight finish before exiting.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import compression from "compression";
import next from "next";
import { PEER_ADDRESS_HEADER } from "@market/auth/client-address";
import { staticSecurityHeaders } from "./content-security-policy.ts";
import { createPageCache, servePage, type PageCacheOptions } from "./page-cache.ts";
// Not from ./security-proxy.ts: next/server must not load before next() has set up its runtime.
import { requestIdFrom } from "./request-id.ts";

// JSON has no scripts to allow: API responses get a policy that allows nothing.
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export async function startNextServer({ dir, port, hostname = "0.0.0.0", pageCache }: {
  dir: string;
  port: number;
  hostname?: string;
  pageCache?: PageCacheOptions;
}) {
  const app = next({ dev: false, dir, port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const cache = pageCache ? createPageCache(pageCache) : null;
  const compress = compression();

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    // Overwrites whatever the client sent under this name.
    request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "unknown";
    const requestId = requestIdFrom(request.headers["x-request-id"] as string | undefined);
    request.headers["x-request-id"] = requestId;
    response.setHeader("x-request-id", requestId);
    for (const [name, value] of Object.entries(staticSecurityHeaders)) response.setHeader(name, value);
    if (request.url?.startsWith("/api/")) response.setHeader("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);

    compress(request as Parameters<typeof compress>[0], response as Parameters<typeof compress>[1], () => {
      const render = () => void handle(request, response);
      if (cache) servePage(cache, request, response, render);
      else render();
    });
  });
  server.listen(port, hostname, () => {
    console.log(JSON.stringify({ level: "info", msg: "listening", url: `http://localhost:${port}`, pid: process.pid, pageCache: cache?.enabled ?? false }));
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(JSON.stringify({ level: "info", msg: "shutting down; finishing requests in flight", signal }));
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => {
      console.error(JSON.stringify({ level: "error", msg: "requests still running after 25 s; exiting" }));
      process.exit(1);
    }, 25_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  return { server, pageCache: cache };
}
