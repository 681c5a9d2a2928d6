// Prometheus metrics of one process. Counters are per process; Prometheus adds up the pods.
// Names follow Prometheus conventions (base units, _total for counters).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time from request to the end of the response, by route group, method and status class.",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    ordersPlaced: new Counter({ name: "market_orders_placed_total", help: "Orders placed (stock reserved, awaiting payment).", registers }),
    ordersPaid: new Counter({
      name: "market_orders_paid_total",
      help: "Orders marked paid, by how the payment was learnt: the provider's webhook or the reconciliation job asking the provider.",
      labelNames: ["source"] as const,
      registers,
    }),
    paymentFailures: new Counter({
      name: "market_payment_failures_total",
      help: "Payments the provider reported as failed, by the provider's reason.",
      labelNames: ["reason"] as const,
      registers,
    }),
    webhookRejections: new Counter({
      name: "market_webhook_rejections_total",
      help: "Webhook calls refused, by source (stripe, warehouse) and reason (signature, payload, unknown_order).",
      labelNames: ["source", "reason"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof create>;

// One set per process, shared by every copy of this module (Next's chunks, the bundled server).
const METRICS = Symbol.for("market.observability.metrics");
type WithMetrics = typeof globalThis & { [METRICS]?: Metrics };

export function metrics(): Metrics {
  return ((globalThis as WithMetrics)[METRICS] ??= create());
}

/**
 * A bounded label for a request path, so the histogram keeps a fixed number of series: API
 * routes by their first two segments (`/api/trpc`, `/api/webhooks/stripe`), Next's assets as one
 * group, pages by their first segment (`/products/*`).
 */
export function routeGroup(pathname: string): string {
  const segments = pathname.split("?")[0]!.split("/").filter(Boolean);
  if (segments.length === 0) return "/";
  if (segments[0] === "_next") return "/_next";
  if (segments[0] === "api") {
    if (segments[1] === "webhooks" && segments[2]) return `/api/webhooks/${safe(segments[2])}`;
    return segments[1] ? `/api/${safe(segments[1])}` : "/api";
  }
  return segments.length > 1 ? `/${safe(segments[0]!)}/*` : `/${safe(segments[0]!)}`;
}

function safe(segment: string): string {
  return /^[a-z][a-z0-9-]{0,31}$/.test(segment) ? segment : "other";
}

export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}
