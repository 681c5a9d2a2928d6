import path from "node:path";
import type { NextConfig } from "next";

const workspaceRoot = path.join(import.meta.dirname, "../..");

const config: NextConfig = {
  turbopack: { root: workspaceRoot },
  transpilePackages: ["@market/api", "@market/auth", "@market/config", "@market/db", "@market/domain", "@market/ui", "@market/web"],
  serverExternalPackages: ["@node-rs/argon2", "pg", "graphile-worker"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default config;
