// `pnpm bench:seller-api`: the Seller REST API's bulk stock update under load, against the seller
// portal's production build. A shop with VARIANTS (20,000) SKUs, each stocked in a marketplace
// warehouse and in the shop's own; a script's API key sends POST /api/seller/v1/stocks with
// 1,000 items per request (the API's maximum), REQUESTS (40) requests at each CONCURRENCY level
// (1, 4, 8 scripts at once). Reports p50/p95/p99 latency per request and items applied per
// second; the goal is under 1 s per 1,000-item request.
//
// By default the portal runs with `pnpm --filter @market/seller start` (the production server;
// build it first with `pnpm build`, or pass --build) on a throw-away database on the bench
// PostgreSQL (.data/postgres-bench, port BENCH_POSTGRES_PORT or 5434) seeded with the demo data.
//
// --base-url <url> points it at a portal that is already running instead (e.g. the dev server on
// http://localhost:3001, to check the script; development numbers are not the benchmark). The
// bench shop is then written to that portal's database (DATABASE_URL, or --database-url), and
// removed again at the end.
//
// Options: --variants <n> (20000), --requests <n> (40), --concurrency <list> (1,4,8),
// --items <n> (1000), --build, --base-url <url>, --database-url <url>.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrismaClient, type PrismaClient } from "@market/db";
import { repoRoot } from "@market/db/paths";
import { generateApiKey } from "@market/domain/sellers";
import type { StackDatabase } from "../database.ts";
import { productionAppEnv } from "../production-env.ts";
import { assertPortFree, startProcess, stopProcess, waitForHttp, type ManagedProcess } from "../processes.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { loadAverage, machine, runBench, summarise, type Stats } from "./measure.ts";

const { values: options } = parseArgs({
  options: {
    variants: { type: "string", default: "20000" },
    requests: { type: "string", default: "40" },
    concurrency: { type: "string", default: "1,4,8" },
    items: { type: "string", default: "1000" },
    build: { type: "boolean", default: false },
    "base-url": { type: "string" },
    "database-url": { type: "string" },
  },
});

function positive(name: string, value: string | undefined, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be a whole number from 1 to ${max}, not "${value}"`);
  return n;
}

const VARIANTS = positive("variants", options.variants, 1_000_000);
const REQUESTS = positive("requests", options.requests, 100_000);
const ITEMS = positive("items", options.items, 1_000);
const CONCURRENCY = (options.concurrency ?? "").split(",").map((level) => positive("concurrency", level.trim(), 256));
const EXTERNAL = options["base-url"]?.replace(/\/+$/, "");
const PORT = 3230;
const BASE = EXTERNAL ?? `http://localhost:${PORT}`;
const VARIANTS_PER_PRODUCT = 10;
/** Requests per key when the portal's own rate limit applies (--base-url; 120 a minute by default). */
const REQUESTS_PER_KEY = 100;
const WARM_UP = 5;

const cleanups: (() => Promise<void>)[] = [];
const processes: ManagedProcess[] = [];
let stack: StackDatabase | undefined;

type Shop = { sellerId: string; skus: string[]; warehouseCodes: string[] };

/** A shop with VARIANTS SKUs (10 per product: 5 sizes × 2 colours), stock in two warehouses. */
async function seedShop(prisma: PrismaClient, { status }: { status: "ACTIVE" | "INACTIVE" }): Promise<Shop> {
  const stamp = Date.now().toString(36);
  const seller = await prisma.seller.create({ data: { slug: `bench-seller-${stamp}`, name: `Bench Seller ${stamp}`, status: "ACTIVE" }, select: { id: true } });
  cleanups.push(() => removeShop(prisma, seller.id));
  const category = await prisma.category.findFirst({ where: { children: { none: {} } }, orderBy: { path: "asc" }, select: { id: true } });
  if (!category) throw new Error("the database has no category to put the bench products in: seed it first (pnpm seed)");
  const marketplace = await prisma.warehouse.findFirst({ where: { kind: "MARKETPLACE" }, orderBy: { code: "asc" }, select: { id: true, code: true } });
  if (!marketplace) throw new Error("the database has no marketplace warehouse: seed it first (pnpm seed)");
  const own = await prisma.warehouse.create({ data: { code: `BENCH-${stamp}`.toUpperCase(), name: "Bench back room", kind: "SELLER", sellerId: seller.id, city: "Kazan", address: "Kazan, 1" }, select: { id: true, code: true } });

  const products = Math.ceil(VARIANTS / VARIANTS_PER_PRODUCT);
  // In SQL: 20,000 variants through the ORM one by one would take longer than the benchmark.
  await prisma.$executeRaw`
    INSERT INTO "Product" (id, "sellerId", "categoryId", slug, title, status, currency, "minPriceMinor", "publishedAt", "updatedAt")
    SELECT gen_random_uuid(), ${seller.id}::uuid, ${category.id}::uuid, 'bench-' || ${stamp} || '-' || n, 'Bench product ' || n,
           ${status}::"ProductStatus", 'RUB', 99000, now(), now()
      FROM generate_series(1, ${products}::int) AS n`;
  await prisma.$executeRaw`
    INSERT INTO "ProductVariant" (id, "productId", sku, size, color, "priceMinor", currency, position, "isActive", "updatedAt")
    SELECT gen_random_uuid(), x.id, 'BENCH-' || ${stamp} || '-' || lpad(x.k::text, 7, '0'),
           (ARRAY['XS','S','M','L','XL'])[1 + x.n % 5], (ARRAY['Black','White'])[1 + x.n / 5], 99000, 'RUB', x.n, true, now()
      FROM (SELECT p.id, v.n, row_number() OVER (ORDER BY p.slug, v.n) AS k
              FROM "Product" p CROSS JOIN generate_series(0, ${VARIANTS_PER_PRODUCT - 1}::int) AS v(n)
             WHERE p."sellerId" = ${seller.id}::uuid) x
     WHERE x.k <= ${VARIANTS}::int`;
  await prisma.$executeRaw`
    INSERT INTO "Stock" ("variantId", "warehouseId", "onHand", reserved, "updatedAt")
    SELECT v.id, w.id, 10, 0, now()
      FROM "ProductVariant" v JOIN "Product" p ON p.id = v."productId"
     CROSS JOIN (VALUES (${marketplace.id}::uuid), (${own.id}::uuid)) AS w(id)
     WHERE p."sellerId" = ${seller.id}::uuid`;
  const rows = await prisma.productVariant.findMany({ where: { product: { sellerId: seller.id } }, select: { sku: true }, orderBy: { sku: "asc" } });
  return { sellerId: seller.id, skus: rows.map((row) => row.sku), warehouseCodes: [marketplace.code, own.code] };
}

/** Undoes seedShop (its products have no orders; keys and rate limit buckets go with the shop). */
async function removeShop(prisma: PrismaClient, sellerId: string): Promise<void> {
  await prisma.$executeRaw`DELETE FROM "Stock" s USING "ProductVariant" v, "Product" p WHERE s."variantId" = v.id AND v."productId" = p.id AND p."sellerId" = ${sellerId}::uuid`;
  await prisma.$executeRaw`DELETE FROM "ProductVariant" v USING "Product" p WHERE v."productId" = p.id AND p."sellerId" = ${sellerId}::uuid`;
  await prisma.product.deleteMany({ where: { sellerId } });
  await prisma.idempotencyRecord.deleteMany({ where: { scope: `seller-api:${sellerId}` } });
  await prisma.warehouse.deleteMany({ where: { sellerId } });
  await prisma.seller.delete({ where: { id: sellerId } });
}

async function createKeys(prisma: PrismaClient, sellerId: string, count: number): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    const { key, prefix, keyHash } = generateApiKey();
    await prisma.sellerApiKey.create({ data: { sellerId, name: `bench ${i + 1}`, prefix, keyHash, scopes: ["STOCK_PRICES_WRITE"] } });
    keys.push(key);
  }
  return keys;
}

/** Request `n`: ITEMS consecutive SKUs from a rotating offset, alternating the two warehouses. */
function batch(shop: Shop, n: number) {
  const start = (n * 7919 * ITEMS) % shop.skus.length;
  return {
    stocks: Array.from({ length: ITEMS }, (_, i) => ({
      sku: shop.skus[(start + i) % shop.skus.length]!,
      warehouseCode: shop.warehouseCodes[(n + i) % 2]!,
      quantity: (n * 31 + i * 7) % 500,
    })),
  };
}

let requestSerial = 0;
async function send(key: string, body: unknown): Promise<number> {
  const t0 = performance.now();
  const response = await fetch(`${BASE}/api/seller/v1/stocks`, {
    method: "POST",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json", "X-Request-Id": `bench-${++requestSerial}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const elapsed = performance.now() - t0;
  if (response.status !== 200) throw new Error(`POST /stocks answered ${response.status}: ${text.slice(0, 300)}`);
  const applied = (JSON.parse(text) as { stocks?: unknown[] }).stocks?.length;
  if (applied !== ITEMS) throw new Error(`POST /stocks applied ${applied} items instead of ${ITEMS}`);
  return elapsed;
}

async function main(): Promise<{ results: Stats[]; notes: string[] }> {
  const notes: string[] = [];
  console.log(`Machine: ${machine()}`);
  console.log(`Load average (1/5/15 min) at start: ${loadAverage()}`);

  let prisma: PrismaClient;
  let keysNeeded = 1;
  if (EXTERNAL) {
    const databaseUrl = options["database-url"] ?? process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error("--base-url needs the database of that portal: set DATABASE_URL or pass --database-url");
    prisma = createPrismaClient(databaseUrl);
    cleanups.push(() => prisma.$disconnect());
    // That portal keeps its own SELLER_API_RATE_LIMIT_PER_MINUTE: spread the requests over keys.
    keysNeeded = Math.ceil((WARM_UP + REQUESTS * CONCURRENCY.length) / REQUESTS_PER_KEY);
    notes.push(`Against ${BASE} (not the production build started by this script): these numbers are not the benchmark's.`);
  } else {
    const buildId = path.join(repoRoot, "apps/seller/.next/BUILD_ID");
    if (options.build) {
      const code = await startProcess("build", "pnpm", ["--filter", "@market/seller", "build"], { cwd: repoRoot, env: { ...process.env, NODE_ENV: "production" }, quiet: true }).exited;
      if (code !== 0) throw new Error(`the seller portal did not build (exit ${code}); run \`pnpm --filter @market/seller build\` to see why`);
    } else if (!existsSync(buildId)) {
      throw new Error("the seller portal has no production build: run `pnpm build` first (or pass --build)");
    }
    await assertPortFree(PORT);
    const bench = await openBenchDatabase("seller_api", cleanups);
    stack = bench.stack;
    prisma = bench.prisma;
    const env: NodeJS.ProcessEnv = {
      ...productionAppEnv({ databaseUrl: bench.databaseUrl, filesDir: bench.filesDir }),
      LOG_LEVEL: "warn",
      PORT: String(PORT),
      SELLER_URL: BASE,
      // The benchmark measures the API, not its rate limiter.
      SELLER_API_RATE_LIMIT_PER_MINUTE: "100000",
    };
    const portal = startProcess("seller", "pnpm", ["--filter", "@market/seller", "start"], { cwd: repoRoot, env, quiet: true });
    processes.push(portal);
    await waitForHttp(`${BASE}/api/health`, { proc: portal });
  }

  const seedStarted = performance.now();
  const shop = await seedShop(prisma, { status: EXTERNAL ? "INACTIVE" : "ACTIVE" });
  const keys = await createKeys(prisma, shop.sellerId, keysNeeded);
  console.log(`Seeded a shop with ${shop.skus.length} SKUs in 2 warehouses in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
  if (shop.skus.length < ITEMS) throw new Error(`--variants must be at least --items (${ITEMS})`);

  let sent = 0;
  const keyFor = () => keys[Math.floor(sent++ / REQUESTS_PER_KEY) % keys.length]!;
  // Warm-up: a fresh server compiles and caches its hot paths during its first requests.
  for (let i = 0; i < WARM_UP; i++) await send(keyFor(), batch(shop, i));

  const results: Stats[] = [];
  let n = WARM_UP;
  for (const level of CONCURRENCY) {
    const latencies: number[] = [];
    let errors = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: level }, async () => {
        while (next < REQUESTS) {
          next += 1;
          try {
            latencies.push(await send(keyFor(), batch(shop, n++)));
          } catch (error) {
            errors += 1;
            if (errors <= 3) console.error(`  ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const stats = summarise(`${level} at once: ${ITEMS} items per request`, latencies, errors, seconds);
    results.push(stats);
    notes.push(`${level} at once: ${latencies.length} requests in ${seconds.toFixed(1)} s = ${((latencies.length * ITEMS) / seconds).toFixed(0)} items/s applied.`);
  }
  const p95 = Math.max(...results.map((r) => r.p95));
  notes.push(`Goal: under 1,000 ms per ${ITEMS}-item request: worst p95 ${p95.toFixed(0)} ms → ${p95 < 1000 ? "met" : "NOT met"}.`);
  return { results, notes };
}

await runBench(main, {
  rateLabel: "req/s",
  teardown: async () => {
    await Promise.all(processes.map((p) => stopProcess(p)));
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error("cleanup:", error));
    await stack?.stop();
  },
});
