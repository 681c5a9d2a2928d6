import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, serverEnvSchema, workerEnvSchema } from "./env.ts";

const base = { DATABASE_URL: "postgresql://localhost/market", AUTH_SECRET: "a".repeat(32) };

describe("observability variables", () => {
  it("accept a metrics token of 16 characters or more, and none", () => {
    expect(parseEnv(serverEnvSchema, { ...base, METRICS_TOKEN: "t".repeat(16) }).METRICS_TOKEN).toBe("t".repeat(16));
    expect(parseEnv(serverEnvSchema, { ...base, METRICS_TOKEN: " " }).METRICS_TOKEN).toBeUndefined();
    expect(() => parseEnv(serverEnvSchema, { ...base, METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN must be at least 16 characters/);
  });

  it("want a URL for the OTLP endpoint", () => {
    expect(parseEnv(serverEnvSchema, { ...base, OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel:4318" }).OTEL_EXPORTER_OTLP_ENDPOINT).toBe("http://otel:4318");
    expect(() => parseEnv(serverEnvSchema, { ...base, OTEL_EXPORTER_OTLP_ENDPOINT: "otel:4318" })).toThrow(EnvError);
  });

  it("give the worker's health and metrics server a local default and let 0 turn it off", () => {
    expect(parseEnv(workerEnvSchema, base)).toMatchObject({ WORKER_HTTP_PORT: 3003, WORKER_HTTP_HOST: "127.0.0.1" });
    expect(parseEnv(workerEnvSchema, { ...base, WORKER_HTTP_PORT: "0" }).WORKER_HTTP_PORT).toBe(0);
    expect(() => parseEnv(workerEnvSchema, { ...base, WORKER_HTTP_PORT: "70000" })).toThrow(/WORKER_HTTP_PORT/);
  });
});
