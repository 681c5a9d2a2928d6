// Production HTTP server for both apps: Next's request handler behind Node's own server, so
//  - the socket's address reaches the app in a header no client can set (`next start` keeps a
//    client's X-Forwarded-For as it is, which would let anyone reset a rate limit), and
//  - SIGTERM stops taking connections and lets requests in flight finish before exiting.
import { createServer } from "node:http";
import { PEER_ADDRESS_HEADER } from "@market/auth/client-address";
import next from "next";

export async function startNextServer({ dir, port, hostname = "0.0.0.0" }: { dir: string; port: number; hostname?: string }) {
  const app = next({ dev: false, dir, port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((request, response) => {
    // Overwrites whatever the client sent under this name.
    request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "unknown";
    void handle(request, response);
  });
  server.listen(port, hostname, () => {
    console.log(JSON.stringify({ level: "info", msg: "listening", url: `http://localhost:${port}`, pid: process.pid }));
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
  return server;
}
