// Environment validation. Every variable the system reads is declared here once, with its
// meaning, so a wrong or missing value fails at start-up with a message naming it.
import { z } from "zod";

const optionalUrl = z.string().url().optional();
// An empty value (`ALGOLIA_APP_ID=` in a .env file) means unset, as it does for a shell.
const blankAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

// Search: Algolia when all three credentials are set, else PostgreSQL full-text search.
const ALGOLIA_CREDENTIALS = ["ALGOLIA_APP_ID", "ALGOLIA_ADMIN_KEY", "ALGOLIA_SEARCH_KEY"] as const;
const searchFields = {
  ALGOLIA_APP_ID: z.preprocess(blankAsUnset, z.string().trim().regex(/^[A-Za-z0-9]+$/, "ALGOLIA_APP_ID must be the application id (letters and digits)").optional()),
  // Indexing and settings (worker, `pnpm search:reindex`, `pnpm search:configure`).
  ALGOLIA_ADMIN_KEY: z.preprocess(blankAsUnset, z.string().trim().optional()),
  // Queries from the apps: a search-only key, so a leaked app secret cannot change the index.
  ALGOLIA_SEARCH_KEY: z.preprocess(blankAsUnset, z.string().trim().optional()),
  ALGOLIA_INDEX_NAME: z.preprocess(
    blankAsUnset,
    z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, "ALGOLIA_INDEX_NAME may hold letters, digits, _ . and - only").default("products"),
  ),
  // How long each app process reuses a listing's answer (0: not at all). See
  // packages/domain/src/search/cache-search-results.ts for the trade-off.
  SEARCH_CACHE_TTL_SECONDS: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(3600).default(30)),
  // Optional comma-separated base URLs that replace Algolia's own hosts (an egress proxy).
  ALGOLIA_HOSTS: z.preprocess(
    blankAsUnset,
    z
      .string()
      .refine(
        (value) => value.split(",").every((part) => URL.canParse(part.trim()) && /^https?:$/.test(new URL(part.trim()).protocol)),
        "ALGOLIA_HOSTS must be comma-separated http(s) URLs",
      )
      .optional(),
  ),
};

/** Half an Algolia configuration is a mistake, not a reason to fall back to PostgreSQL quietly. */
function algoliaAllOrNone(env: Partial<Record<(typeof ALGOLIA_CREDENTIALS)[number], string | undefined>>, ctx: z.RefinementCtx) {
  const set = ALGOLIA_CREDENTIALS.filter((name) => env[name] !== undefined);
  if (set.length === 0 || set.length === ALGOLIA_CREDENTIALS.length) return;
  for (const name of ALGOLIA_CREDENTIALS.filter((n) => env[n] === undefined)) {
    ctx.addIssue({
      code: "custom",
      path: [name],
      message: `${name} is required when ${set.join(" and ")} ${set.length === 1 ? "is" : "are"} set: set all three Algolia variables (ALGOLIA_APP_ID, ALGOLIA_ADMIN_KEY, ALGOLIA_SEARCH_KEY) to use Algolia, or none to use PostgreSQL search`,
    });
  }
}

// Payments: Stripe when STRIPE_SECRET_KEY is set, else the payment sandbox the storefront serves
// (same SDK, same webhook route; see packages/domain/src/payments).
const paymentFields = {
  STRIPE_SECRET_KEY: z.preprocess(
    blankAsUnset,
    z.string().trim().regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, "STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_… or sk_live_…) or a restricted key (rk_…)").optional(),
  ),
  STRIPE_PUBLISHABLE_KEY: z.preprocess(
    blankAsUnset,
    z.string().trim().regex(/^pk_(test|live)_[A-Za-z0-9]+$/, "STRIPE_PUBLISHABLE_KEY must be a Stripe publishable key (pk_test_… or pk_live_…)").optional(),
  ),
  STRIPE_WEBHOOK_SECRET: z.preprocess(
    blankAsUnset,
    z.string().trim().regex(/^whsec_[A-Za-z0-9+/=_-]+$/, "STRIPE_WEBHOOK_SECRET must be the endpoint's signing secret (whsec_…)").optional(),
  ),
  // Where the server reaches the payment sandbox (default: STOREFRONT_URL, which serves it).
  PAYMENT_SANDBOX_URL: z.preprocess(blankAsUnset, optionalUrl),
  // How long the sandbox's slow test card stays "processing" before it succeeds.
  PAYMENT_SANDBOX_PROCESSING_SECONDS: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(3600).default(5)),
  // Reconciliation asks the provider about payments still open this long after they started.
  PAYMENT_RECONCILE_AFTER_MINUTES: z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(1440).default(10)),
};

// What the payment code also reads; the apps declare these themselves (AUTH_SECRET required).
const paymentSharedFields = {
  // The sandbox sends its events to <STOREFRONT_URL>/api/webhooks/stripe.
  STOREFRONT_URL: z.string().url().default("http://localhost:3000"),
  // The sandbox derives its API key and signing secret from it (apps and worker share it).
  AUTH_SECRET: z.preprocess(blankAsUnset, z.string().min(32, "AUTH_SECRET must be at least 32 characters long").optional()),
};

type PaymentEnvInput = { [K in keyof typeof paymentFields | keyof typeof paymentSharedFields]?: unknown };

/** Stripe needs all three of its values; the sandbox needs AUTH_SECRET to derive its own. */
function paymentsConfigured(env: PaymentEnvInput, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  const secret = env.STRIPE_SECRET_KEY as string | undefined;
  const publishable = env.STRIPE_PUBLISHABLE_KEY as string | undefined;
  if (secret) {
    if (!env.STRIPE_WEBHOOK_SECRET) {
      issue("STRIPE_WEBHOOK_SECRET", "STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set: the signing secret of the webhook endpoint (Stripe Dashboard → Developers → Webhooks, or the one `stripe listen` prints)");
    }
    if (!publishable) {
      issue("STRIPE_PUBLISHABLE_KEY", "STRIPE_PUBLISHABLE_KEY is required when STRIPE_SECRET_KEY is set: the pay page loads Stripe's Payment Element with it");
    } else if (secret.includes("_live_") !== publishable.includes("_live_")) {
      issue("STRIPE_PUBLISHABLE_KEY", "STRIPE_PUBLISHABLE_KEY and STRIPE_SECRET_KEY must both be test keys or both be live keys");
    }
    return;
  }
  if (publishable) {
    issue("STRIPE_SECRET_KEY", "STRIPE_SECRET_KEY is required when STRIPE_PUBLISHABLE_KEY is set: set both to use Stripe, or neither to use the payment sandbox");
  }
  if (!env.AUTH_SECRET) {
    issue("AUTH_SECRET", "AUTH_SECRET is required for the payment sandbox (used when STRIPE_SECRET_KEY is unset): give every app and the worker the same value");
  }
}

// The warehouse system (fulfilment). Without WAREHOUSE_URL the warehouse simulator is used (the
// dev and test scripts start it) and the shared secret is derived from AUTH_SECRET.
export const warehouseFields = {
  WAREHOUSE_URL: z.preprocess(blankAsUnset, optionalUrl),
  // Signs our pick requests and verifies the warehouse's webhooks (X-Warehouse-Signature).
  WAREHOUSE_WEBHOOK_SECRET: z.preprocess(blankAsUnset, z.string().min(16, "WAREHOUSE_WEBHOOK_SECRET must be at least 16 characters long").optional()),
  // Where the simulator listens when WAREHOUSE_URL is unset.
  WAREHOUSE_SIMULATOR_PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(65535).default(3002)),
  // The simulator's pause between two status reports (fast in tests).
  WAREHOUSE_SIMULATOR_STEP_MS: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(3_600_000).default(20_000)),
  // The warehouse reports to <STOREFRONT_URL>/api/webhooks/warehouse.
  STOREFRONT_URL: z.string().url().default("http://localhost:3000"),
  AUTH_SECRET: z.preprocess(blankAsUnset, z.string().min(32, "AUTH_SECRET must be at least 32 characters long").optional()),
};

export const warehouseEnvSchema = z.object(warehouseFields).superRefine((env, ctx) => {
  if (env.WAREHOUSE_URL && !env.WAREHOUSE_WEBHOOK_SECRET) {
    ctx.addIssue({ code: "custom", path: ["WAREHOUSE_WEBHOOK_SECRET"], message: "WAREHOUSE_WEBHOOK_SECRET is required when WAREHOUSE_URL is set (the secret shared with the warehouse system)" });
  }
  if (!env.WAREHOUSE_WEBHOOK_SECRET && !env.AUTH_SECRET) {
    ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "AUTH_SECRET is required for the warehouse simulator (used when WAREHOUSE_URL is unset): give the apps, the worker and the simulator the same value" });
  }
});
export type WarehouseEnv = z.infer<typeof warehouseEnvSchema>;

/** The validated warehouse variables; throws EnvError naming each bad one. */
export function warehouseEnv(source: Record<string, string | undefined> = process.env): WarehouseEnv {
  return parseEnv(warehouseEnvSchema, source);
}

// Email. With SMTP_URL the worker sends each message through that server (retrying until it
// accepts); without it the message is only stored and the storefront's development mailbox page
// (/dev/mailbox) is the delivery. That page shows everyone's mail, so it is refused in production
// unless DEV_MAILBOX=1 (the end-to-end run, which starts production builds, reads mail there).
export const emailFields = {
  SMTP_URL: z.preprocess(blankAsUnset, z.string().url("SMTP_URL must be a URL such as smtps://user:password@smtp.example.com:465").optional()),
  EMAIL_FROM: z.preprocess(blankAsUnset, z.string().trim().min(3).default("Marketplace <no-reply@marketplace.localhost>")),
  DEV_MAILBOX: z.preprocess(blankAsUnset, z.enum(["0", "1"], { error: "DEV_MAILBOX must be 1 (on) or 0 (off)" }).optional()),
};
// Links in emails point to STOREFRONT_URL (the apps and the worker declare it themselves).
export const emailEnvSchema = z.object({ ...emailFields, STOREFRONT_URL: z.string().url().default("http://localhost:3000") });
export type EmailEnv = z.infer<typeof emailEnvSchema>;

/** The validated email variables; throws EnvError naming each bad one. */
export function emailEnv(source: Record<string, string | undefined> = process.env): EmailEnv {
  return parseEnv(emailEnvSchema, source);
}

// File storage (product images, shop logos, import files). With S3_BUCKET the files go to that
// S3-compatible bucket (AWS S3, MinIO, Yandex Object Storage…); without it to local disk under
// FILES_DIR (default .data/files). Either way the apps serve them at /files/<key>.
const booleanFlag = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
  z.enum(["1", "0", "true", "false"], { error: "must be 1/true or 0/false" }).transform((value) => value === "1" || value === "true"),
);
export const fileStorageFields = {
  FILES_DIR: z.preprocess(blankAsUnset, z.string().optional()),
  S3_BUCKET: z.preprocess(blankAsUnset, z.string().trim().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "S3_BUCKET must be a bucket name (3–63 lower-case letters, digits, . and -)").optional()),
  // Another S3-compatible service (MinIO, Yandex Object Storage); unset: AWS itself.
  S3_ENDPOINT: z.preprocess(blankAsUnset, z.string().url("S3_ENDPOINT must be a URL such as https://storage.yandexcloud.net").optional()),
  S3_REGION: z.preprocess(blankAsUnset, z.string().trim().default("us-east-1")),
  // Unset: the SDK's default credential chain (an IAM role in Kubernetes, for example).
  S3_ACCESS_KEY_ID: z.preprocess(blankAsUnset, z.string().trim().optional()),
  S3_SECRET_ACCESS_KEY: z.preprocess(blankAsUnset, z.string().trim().optional()),
  // MinIO and most self-hosted services need bucket-in-path URLs.
  S3_FORCE_PATH_STYLE: z.preprocess(blankAsUnset, booleanFlag.default(false)),
  // The largest image a seller may upload.
  UPLOAD_MAX_IMAGE_BYTES: z.preprocess(blankAsUnset, z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024)),
};

function s3Configured(env: { S3_BUCKET?: string; S3_ENDPOINT?: string; S3_ACCESS_KEY_ID?: string; S3_SECRET_ACCESS_KEY?: string }, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (!env.S3_BUCKET) {
    for (const name of ["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
      if (env[name]) issue("S3_BUCKET", `S3_BUCKET is required when ${name} is set: set it to store files in S3, or unset the S3 variables to store them on local disk`);
    }
    return;
  }
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    issue(env.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID", "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the default credential chain");
  }
}

export const fileStorageEnvSchema = z.object(fileStorageFields).superRefine(s3Configured);
export type FileStorageEnv = z.infer<typeof fileStorageEnvSchema>;

/** The validated file storage variables; throws EnvError naming each bad one. */
export function fileStorageEnv(source: Record<string, string | undefined> = process.env): FileStorageEnv {
  return parseEnv(fileStorageEnvSchema, source);
}

// The Seller REST API: requests per API key per minute, counted across every app instance.
export const sellerApiFields = {
  SELLER_API_RATE_LIMIT_PER_MINUTE: z.preprocess(
    blankAsUnset,
    z.coerce.number({ error: "SELLER_API_RATE_LIMIT_PER_MINUTE must be a whole number" }).int("SELLER_API_RATE_LIMIT_PER_MINUTE must be a whole number").min(1, "SELLER_API_RATE_LIMIT_PER_MINUTE must be at least 1").max(100_000).default(120),
  ),
};
export const sellerApiEnvSchema = z.object(sellerApiFields);
export type SellerApiEnv = z.infer<typeof sellerApiEnvSchema>;

/** The validated Seller API variables; throws EnvError naming each bad one. */
export function sellerApiEnv(source: Record<string, string | undefined> = process.env): SellerApiEnv {
  return parseEnv(sellerApiEnvSchema, source);
}

/** Only the payment variables: for the payment domain (apps and worker). */
export const paymentEnvSchema = z.object({ ...paymentFields, ...paymentSharedFields }).superRefine(paymentsConfigured);
export type PaymentEnv = z.infer<typeof paymentEnvSchema>;

/** The validated payment variables; throws EnvError naming each bad one. */
export function paymentEnv(source: Record<string, string | undefined> = process.env): PaymentEnv {
  return parseEnv(paymentEnvSchema, source);
}

const baseEnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is required (the dev and test scripts set it for the embedded PostgreSQL)" })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string"),
    // Named prepared statements per connection (read by @market/db); false behind PgBouncer in
    // transaction mode without max_prepared_statements.
    DATABASE_PREPARED_STATEMENTS: z.preprocess(blankAsUnset, booleanFlag.default(true)),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace"]).default("info"),
    // Bearer token for GET /api/metrics (apps and worker). Unset: open in development, 404 in production.
    METRICS_TOKEN: z.preprocess(blankAsUnset, z.string().trim().min(16, "METRICS_TOKEN must be at least 16 characters long (openssl rand -hex 24)").optional()),
    // OpenTelemetry traces go to this OTLP/HTTP endpoint; unset: tracing is off.
    OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(blankAsUnset, z.string().regex(/^https?:\/\/[^\s/]+/, "OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL such as http://otel-collector:4318").optional()),
    ...emailFields,
    // How long a placed, unpaid order holds its stock (read by the checkout domain).
    RESERVATION_TTL_MINUTES: z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(24 * 60).default(15)),
    ...searchFields,
    ...paymentFields,
    ...fileStorageFields,
  })
  .superRefine(algoliaAllOrNone)
  .superRefine(paymentsConfigured)
  .superRefine(s3Configured);

/** Only the search variables: for code that picks the search engine (apps, worker, CLIs). */
export const searchEnvSchema = z.object(searchFields).superRefine(algoliaAllOrNone);
export type SearchEnv = z.infer<typeof searchEnvSchema>;

/** The validated search variables; throws EnvError naming each bad one. */
export function searchEnv(source: Record<string, string | undefined> = process.env): SearchEnv {
  return parseEnv(searchEnvSchema, source);
}

/** The background worker's environment. */
export const workerEnvSchema = baseEnvSchema.extend({
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  // A worker that has not said it is alive for this long is dead: its locked jobs are released.
  WORKER_STALE_AFTER_SECONDS: z.preprocess(blankAsUnset, z.coerce.number().int().min(2).max(3600).default(60)),
  // The worker's health and metrics server (GET /api/health, /api/metrics); 0 turns it off. Local
  // by default; the container image listens on all interfaces (WORKER_HTTP_HOST=0.0.0.0).
  WORKER_HTTP_PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(65535).default(3003)),
  WORKER_HTTP_HOST: z.preprocess(blankAsUnset, z.string().default("127.0.0.1")),
  ...paymentSharedFields,
});

/** The web apps' environment. */
export const serverEnvSchema = baseEnvSchema.extend({
  AUTH_SECRET: z
    .string({ error: "AUTH_SECRET is required: a random string of at least 32 characters (openssl rand -base64 32)" })
    .min(32, "AUTH_SECRET must be at least 32 characters long"),
  // Parent domain for the session cookie when the two apps live on sibling hosts
  // (shop.example.com and seller.example.com → ".example.com"). Unset on localhost.
  AUTH_COOKIE_DOMAIN: z.string().optional(),
  STOREFRONT_URL: z.string().url().default("http://localhost:3000"),
  SELLER_URL: z.string().url().default("http://localhost:3001"),
  // How many reverse proxies in front of the apps append to X-Forwarded-For. 0 means the
  // header is not trusted for rate limiting.
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGN_IN_MAX_FAILURES_PER_CLIENT: z.coerce.number().int().min(1).default(20),
  SIGN_IN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  ...sellerApiFields,
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "(environment)";
    return `${name}: ${issue.message}`;
  });
  throw new EnvError(problems);
}

let cached: ServerEnv | undefined;

/** The validated server environment; throws EnvError listing every bad variable. */
export function serverEnv(): ServerEnv {
  cached ??= parseEnv(serverEnvSchema, process.env);
  return cached;
}

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

/** For start-up hooks: validate, print each problem and exit rather than fail later. */
export function assertServerEnv(processName: string): ServerEnv {
  return exitOnEnvError(processName, serverEnv);
}

export function assertWorkerEnv(): WorkerEnv {
  return exitOnEnvError("worker", () => parseEnv(workerEnvSchema, process.env));
}

function exitOnEnvError<T>(processName: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`[${processName}] cannot start. ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
