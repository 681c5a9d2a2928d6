import { describe, expect, it } from "vitest";
import { EnvError, fileStorageEnv, parseEnv, paymentEnv, searchEnv, serverEnvSchema, workerEnvSchema } from "./env.ts";

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

describe("payment environment", () => {
  const stripe = { STRIPE_SECRET_KEY: "sk_test_abc123", STRIPE_PUBLISHABLE_KEY: "pk_test_abc123", STRIPE_WEBHOOK_SECRET: "whsec_abc123" };

  it("uses the sandbox with no Stripe variable, with defaults", () => {
    const env = paymentEnv({ AUTH_SECRET: valid.AUTH_SECRET });
    expect(env.STRIPE_SECRET_KEY).toBeUndefined();
    expect(env).toMatchObject({ PAYMENT_RECONCILE_AFTER_MINUTES: 10, PAYMENT_SANDBOX_PROCESSING_SECONDS: 5, STOREFRONT_URL: "http://localhost:3000" });
  });

  it("needs AUTH_SECRET for the sandbox, in the worker too", () => {
    expect(() => paymentEnv({})).toThrow(/AUTH_SECRET is required for the payment sandbox/);
    expect(() => parseEnv(workerEnvSchema, { DATABASE_URL: valid.DATABASE_URL })).toThrow(/AUTH_SECRET is required for the payment sandbox/);
    expect(parseEnv(workerEnvSchema, { DATABASE_URL: valid.DATABASE_URL, ...stripe }).STRIPE_SECRET_KEY).toBe("sk_test_abc123");
  });

  it("needs the webhook secret and the publishable key with a Stripe secret key", () => {
    expect(paymentEnv(stripe).STRIPE_WEBHOOK_SECRET).toBe("whsec_abc123");
    for (const schema of [serverEnvSchema, workerEnvSchema]) {
      expect(() => parseEnv(schema, { ...valid, STRIPE_SECRET_KEY: "sk_live_abc" })).toThrow(/STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set/);
      expect(() => parseEnv(schema, { ...valid, STRIPE_SECRET_KEY: "sk_live_abc" })).toThrow(/STRIPE_PUBLISHABLE_KEY is required/);
    }
    expect(() => paymentEnv({ ...stripe, STRIPE_PUBLISHABLE_KEY: "pk_live_abc" })).toThrow(/both be test keys or both be live keys/);
    expect(() => paymentEnv({ ...valid, STRIPE_PUBLISHABLE_KEY: "pk_test_abc" })).toThrow(/STRIPE_SECRET_KEY is required when STRIPE_PUBLISHABLE_KEY is set/);
    expect(() => paymentEnv({ ...stripe, STRIPE_SECRET_KEY: "pk_test_oops" })).toThrow(/STRIPE_SECRET_KEY must be a Stripe secret key/);
  });
});

describe("file storage environment", () => {
  it("defaults to local disk with a 10 MB upload limit (an empty value is unset)", () => {
    const env = fileStorageEnv({ S3_BUCKET: "" });
    expect(env.S3_BUCKET).toBeUndefined();
    expect(env).toMatchObject({ S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: false, UPLOAD_MAX_IMAGE_BYTES: 10 * 1024 * 1024 });
  });

  it("reads an S3-compatible configuration", () => {
    const env = fileStorageEnv({ S3_BUCKET: "market-files", S3_ENDPOINT: "http://minio:9000", S3_FORCE_PATH_STYLE: "1", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" });
    expect(env).toMatchObject({ S3_BUCKET: "market-files", S3_ENDPOINT: "http://minio:9000", S3_FORCE_PATH_STYLE: true });
  });

  it("refuses half a configuration, naming what is missing", () => {
    expect(() => fileStorageEnv({ S3_ENDPOINT: "http://minio:9000" })).toThrow(/S3_BUCKET is required when S3_ENDPOINT is set/);
    expect(() => fileStorageEnv({ S3_BUCKET: "market-files", S3_ACCESS_KEY_ID: "id" })).toThrow(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/);
    expect(() => fileStorageEnv({ S3_BUCKET: "Bad_Bucket" })).toThrow(/S3_BUCKET must be a bucket name/);
    expect(() => parseEnv(serverEnvSchema, { ...valid, S3_SECRET_ACCESS_KEY: "secret" })).toThrow(/S3_BUCKET is required/);
  });
});
