import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, serverEnvSchema } from "./env.ts";

const valid = { DATABASE_URL: "postgresql://u:p@localhost:5432/db", AUTH_SECRET: "x".repeat(32) };

describe("server environment", () => {
  it("accepts a minimal valid environment and fills defaults", () => {
    const env = parseEnv(serverEnvSchema, valid);
    expect(env.STOREFRONT_URL).toBe("http://localhost:3000");
    expect(env.TRUSTED_PROXY_COUNT).toBe(0);
  });

  it("names every missing or wrong variable", () => {
    let error: unknown;
    try {
      parseEnv(serverEnvSchema, { DATABASE_URL: "mysql://x", AUTH_SECRET: "short", TRUSTED_PROXY_COUNT: "-1" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect(message).toContain("DATABASE_URL must be a postgresql:// connection string");
    expect(message).toContain("AUTH_SECRET must be at least 32 characters long");
    expect(message).toContain("TRUSTED_PROXY_COUNT");
  });

  it("explains a missing AUTH_SECRET", () => {
    expect(() => parseEnv(serverEnvSchema, { DATABASE_URL: valid.DATABASE_URL })).toThrow(/AUTH_SECRET is required/);
  });
});
