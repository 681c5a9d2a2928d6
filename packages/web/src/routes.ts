// Route handlers both apps mount as they are: each app's route file is one line.
import "server-only";
import { createTrpcRouteHandler } from "@market/api/http";
import type { ApiContext } from "@market/api";
import { authRouteHandlers } from "@market/auth";
import { sessionUserFromRequest } from "@market/auth/session-cookie";
import { serverEnv } from "@market/config/env";
import { getFileStore, isPublicImageKey } from "@market/domain/files";
import { checkHealth } from "@market/domain/system";
import { getLogger } from "@market/observability/log";
import { probeResponse } from "./health-probe.ts";

export function trpcRoute(app: ApiContext["app"]) {
  // Built on the first request, not at import: `next build` imports routes without a runtime env.
  let handler: ((request: Request) => Promise<Response>) | undefined;
  const handle = (request: Request) => {
    handler ??= createHandler(app);
    return handler(request);
  };
  return { GET: handle, POST: handle };
}

function createHandler(app: ApiContext["app"]) {
  const env = serverEnv();
  return createTrpcRouteHandler({
    app,
    // From the cookie alone: the same answer as auth() without its cost (see session-cookie.ts).
    getUser: (request) => sessionUserFromRequest(request, env.AUTH_SECRET),
    csrf: {
      allowedOrigins: [app === "storefront" ? env.STOREFRONT_URL : env.SELLER_URL],
      trustForwardedHost: env.TRUSTED_PROXY_COUNT > 0,
    },
    // Like the session cookie: Secure in production (browsers accept it on http://localhost too).
    cookies: { secure: env.NODE_ENV === "production" },
    // The catalogue's public queries may be kept as long as the listing cache keeps them.
    publicMaxAgeSeconds: env.SEARCH_CACHE_TTL_SECONDS,
    onError: ({ path, error, requestId }) => {
      getLogger(app).error({ path, requestId, error: String(error.cause ?? error) }, "tRPC procedure failed");
    },
  });
}

export const authRoute = authRouteHandlers;

/** GET /api/health: 200 when every dependency answers, 503 otherwise. */
export async function healthRoute(request?: Request): Promise<Response> {
  // Kubernetes' probes get the process-only answer (see ./health-probe.ts); monitoring the full one.
  const probe = probeResponse(request);
  if (probe) return probe;
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}

/**
 * GET /files/<key>: product images and shop logos from the file store (local disk or S3). Only
 * image keys are served: import files and reports in the same store are never public.
 */
export async function fileRoute(_request: Request, { params }: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const { key } = await params;
  let storageKey: string;
  try {
    storageKey = key.map(decodeURIComponent).join("/");
  } catch {
    return new Response("Not found", { status: 404 });
  }
  const file = isPublicImageKey(storageKey) ? await getFileStore().get(storageKey) : null;
  if (!file || !file.contentType.startsWith("image/")) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.size),
      "Cache-Control": "public, max-age=86400",
      // Stored SVGs are shown as images only, never as documents that could run script.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
