import path from "node:path";
import type { NextConfig } from "next";

const workspaceRoot = path.join(import.meta.dirname, "../..");

const config: NextConfig = {
  turbopack: { root: workspaceRoot },
  transpilePackages: ["@market/api", "@market/auth", "@market/config", "@market/db", "@market/domain", "@market/ui", "@market/web"],
  serverExternalPackages: ["@node-rs/argon2", "pg", "graphile-worker"],
  poweredByHeader: false,
  // Product pictures come from the file store under /files/...; the demo pictures are SVG, served
  // as images only (an attachment with a sandboxing policy, never a document that runs script).
  images: {
    localPatterns: [{ pathname: "/files/**" }],
    dangerouslyAllowSVG: true,
    contentDispositionType: "attachment",
    contentSecurityPolicy: "default-src 'self'; script-src 'none'; sandbox;",
  },
  typedRoutes: false,
};

export default config;
