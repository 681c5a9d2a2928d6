// Tracing is off unless OTEL_EXPORTER_OTLP_ENDPOINT is set; then it starts once, named after the app.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const registerOTel = vi.fn();
vi.mock("@vercel/otel", () => ({ registerOTel }));

const saved = { ...process.env };
beforeEach(() => {
  vi.resetModules();
  registerOTel.mockClear();
  Object.assign(process.env, {
    NEXT_RUNTIME: "nodejs",
    DATABASE_URL: "postgresql://localhost:5432/market",
    AUTH_SECRET: "test-secret-test-secret-test-secret-0000",
    LOG_LEVEL: "error",
  });
  delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  delete process.env.OTEL_SERVICE_NAME;
});
afterEach(() => {
  process.env = { ...saved };
});

describe("registerServer", () => {
  it("leaves tracing off without an OTLP endpoint", async () => {
    const { registerServer } = await import("./instrumentation.ts");
    await registerServer("storefront");
    expect(registerOTel).not.toHaveBeenCalled();
  });

  it("starts tracing with the app's service name when an endpoint is configured", async () => {
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = "http://otel-collector:4318";
    const { registerServer } = await import("./instrumentation.ts");
    await registerServer("seller");
    expect(registerOTel).toHaveBeenCalledExactlyOnceWith({ serviceName: "marketplace-seller" });
  });

  it("does nothing in the edge runtime", async () => {
    process.env.NEXT_RUNTIME = "edge";
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = "http://otel-collector:4318";
    const { registerServer } = await import("./instrumentation.ts");
    await registerServer("storefront");
    expect(registerOTel).not.toHaveBeenCalled();
  });
});
