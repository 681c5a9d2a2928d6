import path from "node:path";
import type { NextConfig } from "next";

const workspaceRoot = path.join(import.meta.dirname, "../..");

const config: NextConfig = {
  turbopack: { root: workspaceRoot },
  // Container images ship `.next/standalone`: the server code plus only the node_modules files it
  // uses, traced from the repository root so the workspace packages are included (see the Dockerfile).
  output: "standalone",
  outputFileTracingRoot: workspaceRoot,
  transpilePackages: ["@market/api", "@market/auth", "@market/config", "@market/db", "@market/domain", "@market/observability", "@market/ui", "@market/web"],
  // pino and prom-client keep process-wide state and load Node internals: run them from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "pg", "graphile-worker", "pino", "prom-client"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default config;
