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
  // The production server (@market/web/server) compresses responses itself, after its page
  // cache has seen them; Next compressing first would leave that cache nothing it can use.
  compress: false,
  // Product pictures come from the file store under /files/... and are resized to the width they
  // are shown at. SVG pictures (the demo catalogue's) skip the optimiser: a vector needs no
  // resizing, so next/image links them as they are (the file route serves them with a sandboxing
  // policy) instead of listing a dozen widths of the same file.
  images: {
    localPatterns: [{ pathname: "/files/**" }],
    // Widths pictures are made in: cards are at most 200 px wide, the product picture at most
    // 480 px, both at up to 3× pixel density, so nothing needs the default 2048 and 3840.
    deviceSizes: [640, 828, 1080, 1200, 1920],
    imageSizes: [64, 96, 128, 256, 384],
    contentDispositionType: "attachment",
    contentSecurityPolicy: "default-src 'self'; script-src 'none'; sandbox;",
  },
  typedRoutes: false,
};

export default config;
