// Runs once when a Next.js server starts: a bad environment stops it with a clear message; logs
// name the app; OpenTelemetry tracing starts only when OTEL_EXPORTER_OTLP_ENDPOINT is set (spans
// of Next's own request handling, route handlers and fetch calls, exported over OTLP/HTTP).
export async function registerServer(appName: string): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertServerEnv } = await import("@market/config/env");
  const env = assertServerEnv(appName);
  const { setProcessService, getLogger } = await import("@market/observability/log");
  setProcessService(appName);
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { registerOTel } = await import("@vercel/otel");
    registerOTel({ serviceName: process.env.OTEL_SERVICE_NAME ?? `marketplace-${appName}` });
    getLogger(appName).info({ endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT }, "OpenTelemetry tracing on");
  }
}
