import { Registry, Counter } from "prom-client";
import { describe, expect, it } from "vitest";
import { metrics, routeGroup } from "./metrics.ts";
import { metricsAccess, metricsReply, metricsRoute } from "./metrics-endpoint.ts";

const TOKEN = "metrics-token-0123456789";

describe("the metrics endpoint", () => {
  it("asks for the bearer token when one is configured", async () => {
    for (const header of [undefined, "", "Bearer", "Bearer wrong-token", `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const reply = await metricsReply(header, { token: TOKEN, production: true });
      expect(reply.status).toBe(401);
      expect(reply.headers["WWW-Authenticate"]).toBe('Bearer realm="metrics"');
      expect(reply.body).not.toContain("market_");
    }
    expect(metricsAccess(`Bearer ${TOKEN}`, { token: TOKEN, production: true })).toBe("allowed");
    expect(metricsAccess(`bearer ${TOKEN}`, { token: TOKEN, production: false })).toBe("allowed");
  });

  it("does not exist in production without a token, and is open in development", async () => {
    expect((await metricsReply(`Bearer ${TOKEN}`, { token: undefined, production: true })).status).toBe(404);
    expect((await metricsReply(undefined, { token: undefined, production: false })).status).toBe(200);
  });

  it("serves the process's metrics in Prometheus's text format", async () => {
    const m = metrics();
    m.ordersPlaced.inc();
    m.ordersPaid.inc({ source: "webhook" });
    m.paymentFailures.inc({ reason: "card_declined" });
    m.webhookRejections.inc({ source: "stripe", reason: "signature" });
    m.httpRequestDuration.observe({ route: "/api/trpc", method: "POST", status: "2xx" }, 0.042);
    const reply = await metricsReply(`Bearer ${TOKEN}`, { token: TOKEN, production: true });
    expect(reply.status).toBe(200);
    expect(reply.headers["Content-Type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(reply.body).toMatch(/^market_orders_placed_total [1-9]/m);
    expect(reply.body).toMatch(/^market_orders_paid_total\{source="webhook"\} [1-9]/m);
    expect(reply.body).toMatch(/^market_payment_failures_total\{reason="card_declined"\} [1-9]/m);
    expect(reply.body).toMatch(/^market_webhook_rejections_total\{source="stripe",reason="signature"\} [1-9]/m);
    expect(reply.body).toMatch(/^http_request_duration_seconds_bucket\{le="0.05",route="\/api\/trpc",method="POST",status="2xx"\} [1-9]/m);
    expect(reply.body).toMatch(/^process_cpu_seconds_total /m);
  });

  it("is one set of metrics per process, whichever copy of the module asks", () => {
    expect(metrics()).toBe(metrics());
    expect((globalThis as Record<symbol, unknown>)[Symbol.for("market.observability.metrics")]).toBe(metrics());
  });

  it("answers as a fetch route handler", async () => {
    const registry = new Registry();
    new Counter({ name: "probe_total", help: "x", registers: [registry] }).inc();
    process.env.METRICS_TOKEN = TOKEN;
    try {
      const denied = await metricsRoute(new Request("http://x/api/metrics"));
      expect(denied.status).toBe(401);
      const ok = await metricsRoute(new Request("http://x/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }));
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain("market_orders_placed_total");
    } finally {
      delete process.env.METRICS_TOKEN;
    }
  });
});

describe("route groups", () => {
  it("keeps the label set small", () => {
    expect(routeGroup("/")).toBe("/");
    expect(routeGroup("/api/trpc/cart.get,catalog.list?batch=1")).toBe("/api/trpc");
    expect(routeGroup("/api/webhooks/stripe")).toBe("/api/webhooks/stripe");
    expect(routeGroup("/api/seller/v1/stocks")).toBe("/api/seller");
    expect(routeGroup("/_next/static/chunks/abc.js")).toBe("/_next");
    expect(routeGroup("/products/0193-uuid")).toBe("/products/*");
    expect(routeGroup("/Catalog%20x")).toBe("/other");
  });
});
