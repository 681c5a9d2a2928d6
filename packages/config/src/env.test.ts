import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, searchEnv, serverEnvSchema, workerEnvSchema } from "./env.ts";

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

describe("search environment", () => {
  it("needs no Algolia variable (PostgreSQL search) and defaults the index name", () => {
    const env = parseEnv(serverEnvSchema, { ...valid, ALGOLIA_APP_ID: "" });
    expect(env.ALGOLIA_APP_ID).toBeUndefined();
    expect(env.ALGOLIA_INDEX_NAME).toBe("products");
    expect(env.SEARCH_CACHE_TTL_SECONDS).toBe(30);
  });

  it("accepts all three Algolia credentials", () => {
    const env = searchEnv({ ALGOLIA_APP_ID: "APP1", ALGOLIA_ADMIN_KEY: "admin", ALGOLIA_SEARCH_KEY: "search", ALGOLIA_INDEX_NAME: "shop_products" });
    expect(env).toMatchObject({ ALGOLIA_APP_ID: "APP1", ALGOLIA_INDEX_NAME: "shop_products" });
  });

  it("names the missing credentials when only some are set, in the apps and the worker alike", () => {
    const partial = { ...valid, ALGOLIA_APP_ID: "APP1" };
    for (const schema of [serverEnvSchema, workerEnvSchema]) {
      expect(() => parseEnv(schema, partial)).toThrow(/ALGOLIA_ADMIN_KEY is required when ALGOLIA_APP_ID is set/);
      expect(() => parseEnv(schema, partial)).toThrow(/ALGOLIA_SEARCH_KEY is required/);
    }
    expect(() => searchEnv({ ALGOLIA_HOSTS: "not a url" })).toThrow(/ALGOLIA_HOSTS must be comma-separated http\(s\) URLs/);
  });
});
