// GET /api/metrics: Prometheus's text format, behind a bearer token (METRICS_TOKEN). Without a
// token the endpoint is open in development (so `curl localhost:3000/api/metrics` just works) and
// does not exist in production (404): metrics name routes, tasks and volumes nobody outside needs.
import { timingSafeEqual } from "node:crypto";
import type { Registry } from "prom-client";
import { metrics } from "./metrics.ts";

export type MetricsAccess = "allowed" | "unauthorized" | "disabled";

export type MetricsOptions = {
  token?: string | undefined;
  production?: boolean;
  registry?: Registry;
};

function defaults(options: MetricsOptions) {
  return {
    token: "token" in options ? options.token : process.env.METRICS_TOKEN?.trim() || undefined,
    production: options.production ?? process.env.NODE_ENV === "production",
    registry: options.registry ?? metrics().registry,
  };
}

export function metricsAccess(authorization: string | null | undefined, options: MetricsOptions = {}): MetricsAccess {
  const { token, production } = defaults(options);
  if (!token) return production ? "disabled" : "allowed";
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) return "unauthorized";
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected) ? "allowed" : "unauthorized";
}

export type MetricsReply = { status: number; headers: Record<string, string>; body: string };

/** The answer to one scrape, independent of the HTTP framework. */
export async function metricsReply(authorization: string | null | undefined, options: MetricsOptions = {}): Promise<MetricsReply> {
  const access = metricsAccess(authorization, options);
  const plain = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  if (access === "disabled") return { status: 404, headers: plain, body: "Not found\n" };
  if (access === "unauthorized") {
    return { status: 401, headers: { ...plain, "WWW-Authenticate": 'Bearer realm="metrics"' }, body: "A bearer token (METRICS_TOKEN) is required.\n" };
  }
  const { registry } = defaults(options);
  return { status: 200, headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" }, body: await registry.metrics() };
}

/** A Next.js route handler: `export const GET = metricsRoute;` in app/api/metrics/route.ts. */
export async function metricsRoute(request: Request): Promise<Response> {
  const reply = await metricsReply(request.headers.get("authorization"));
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}
