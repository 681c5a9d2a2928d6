// The hot API routes (tRPC, webhooks, the payment sandbox, the seller REST API) served straight
// from their route handlers, without Next's request pipeline. Measured on the checkout
// benchmark, Next spends about 4 ms of CPU per request around a route handler (routing, its
// async contexts, tracing, piping the body through web streams) where the handlers themselves
// need a fraction of that; at several requests per order that was the largest single cost.
//
// The handlers are the ones Next built (the same compiled modules, so one Prisma pool, one
// metrics registry): each route's `route.js` is loaded from the build and its exported GET/POST
// is called with a plain Request. A lane route must not use next/headers or next/cache (they need
// Next's request context); ours read everything from the Request. If a build does not look as
// expected (a Next upgrade changed its route modules), the route is left to Next and a warning is
// logged, so nothing breaks; it is only slower.
// Not `import { createRequire }`: the server bundle's banner declares that name already.
import nodeModule from "node:module";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import type { Logger } from "@market/observability/log";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response> | Response;
type Userland = Partial<Record<string, RouteHandler>>;
type LaneRoute = { route: string; pattern: RegExp; names: { name: string; kind: "one" | "rest" | "optional-rest" }[]; userland: Userland };

/** Bodies of lane requests are read whole; nothing on these routes is larger (uploads go through Next). */
export const API_LANE_MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * Loads the named App Router routes ("/api/trpc/[trpc]", "/api/payment-sandbox/[...path]", …)
 * from the build in `dir`. Returns a request handler that serves a matching request and answers
 * true, or answers false so the caller hands the request to Next.
 */
export async function createApiLane(dir: string, routes: string[], log: Logger): Promise<(request: IncomingMessage, response: ServerResponse) => boolean> {
  const requireFromBuild = nodeModule.createRequire(path.join(dir, "package.json"));
  const lane: LaneRoute[] = [];
  for (const route of routes) {
    const userland = await loadUserland(requireFromBuild, path.join(dir, ".next", "server", "app", route, "route.js"));
    if (userland) lane.push({ route, ...compileRoute(route), userland });
    else log.warn({ route }, "route left to Next: its built module does not expose its handlers as expected");
  }
  return (request, response) => {
    const url = request.url ?? "/";
    const pathname = url.split("?")[0]!;
    for (const entry of lane) {
      const match = entry.pattern.exec(pathname);
      if (!match) continue;
      const handler = entry.userland[request.method ?? "GET"];
      if (!handler) return false; // Next answers 405 with its Allow header
      void serve(entry, handler, match, request, response, log);
      return true;
    }
    return false;
  };
}

async function loadUserland(requireFromBuild: NodeJS.Require, file: string): Promise<Userland | null> {
  try {
    const built = requireFromBuild(file) as { routeModule?: { ensureUserland?: () => Promise<void>; userland?: Userland } };
    const routeModule = built.routeModule;
    await routeModule?.ensureUserland?.();
    const userland = routeModule?.userland;
    return userland && Object.values(userland).some((value) => typeof value === "function") ? userland : null;
  } catch {
    return null;
  }
}

/** "/api/seller/v1/[[...path]]" → a pattern with one group per dynamic segment. */
export function compileRoute(route: string): { pattern: RegExp; names: LaneRoute["names"] } {
  const names: LaneRoute["names"] = [];
  let source = "";
  for (const segment of route.split("/").filter(Boolean)) {
    const optionalRest = /^\[\[\.\.\.(\w+)\]\]$/.exec(segment);
    const rest = /^\[\.\.\.(\w+)\]$/.exec(segment);
    const one = /^\[(\w+)\]$/.exec(segment);
    if (optionalRest) {
      names.push({ name: optionalRest[1]!, kind: "optional-rest" });
      source += "(?:/(.+))?";
    } else if (rest) {
      names.push({ name: rest[1]!, kind: "rest" });
      source += "/(.+)";
    } else if (one) {
      names.push({ name: one[1]!, kind: "one" });
      source += "/([^/]+)";
    } else {
      source += `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
    }
  }
  return { pattern: new RegExp(`^${source}/?$`), names };
}

function paramsOf(names: LaneRoute["names"], match: RegExpExecArray): Record<string, string | string[] | undefined> {
  const params: Record<string, string | string[] | undefined> = {};
  names.forEach(({ name, kind }, i) => {
    const raw = match[i + 1];
    if (kind === "one") params[name] = decodeURIComponent(raw!);
    else params[name] = raw === undefined ? undefined : raw.split("/").map(decodeURIComponent);
  });
  return params;
}

async function serve(entry: LaneRoute, handler: RouteHandler, match: RegExpExecArray, request: IncomingMessage, response: ServerResponse, log: Logger) {
  try {
    const body = await readBody(request);
    if (body === "too large") {
      response.statusCode = 413;
      response.setHeader("Content-Type", "application/json");
      response.end(JSON.stringify({ error: { code: "payload_too_large", message: `The request body is larger than ${API_LANE_MAX_BODY_BYTES} bytes.` } }));
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
    }
    const url = `http://${request.headers.host ?? "localhost"}${request.url ?? "/"}`;
    const answer = await handler(new Request(url, { method: request.method, headers, body: body && body.length > 0 ? new Uint8Array(body) : undefined }), {
      params: Promise.resolve(paramsOf(entry.names, match)),
    });
    await writeResponse(answer, response);
  } catch (error) {
    log.error({ route: entry.route, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, "route handler failed");
    if (!response.headersSent) {
      response.statusCode = 500;
      response.setHeader("Content-Type", "application/json");
      response.end(JSON.stringify({ error: { code: "internal_error", message: "Something went wrong on our side. Please try again." } }));
    } else response.destroy();
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer | null | "too large"> {
  if (request.method === "GET" || request.method === "HEAD") return null;
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > API_LANE_MAX_BODY_BYTES) {
    request.resume();
    return "too large";
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > API_LANE_MAX_BODY_BYTES) {
      request.resume();
      return "too large";
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function writeResponse(answer: Response, response: ServerResponse) {
  response.statusCode = answer.status;
  const cookies = answer.headers.getSetCookie();
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") response.setHeader(name, value);
  });
  if (cookies.length > 0) response.setHeader("Set-Cookie", cookies);
  if (!answer.body) {
    response.end();
    return;
  }
  const body = Buffer.from(await answer.arrayBuffer());
  if (!response.hasHeader("content-length") && !response.hasHeader("content-encoding")) response.setHeader("Content-Length", body.length);
  response.end(body);
}
