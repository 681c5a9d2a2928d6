// Prometheus scrapes this process's metrics here, with `Authorization: Bearer $METRICS_TOKEN`
// (open in development without a token, 404 in production without one).
export { metricsRoute as GET } from "@market/observability/metrics-endpoint";

export const dynamic = "force-dynamic";
