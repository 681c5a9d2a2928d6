// `pnpm bench:search`: search and category-listing latency on a 100,000-product catalogue,
// through the search engine directly and through the storefront's production build over HTTP.
//
//   1. builds the storefront (in the background while the data is made);
//   2. a throw-away database on a dedicated embedded PostgreSQL (.data/postgres-bench, port
//      BENCH_POSTGRES_PORT or 5434), or on DATABASE_URL's server when it is set: migrations,
//      the demo catalogue, then grown to 100,000 products in SQL (grow-catalogue.ts);
//   3. the search index, rebuilt with the same reindex `pnpm search:reindex` runs;
//   4. two storefront servers (`next start`): one with the listing cache off, one as deployed
//      (SEARCH_CACHE_TTL_SECONDS default), so the table shows both;
//   5. measurements: a few hundred searches (with facets; some misspelt, some Russian, some
//      filtered or sorted) one at a time, and category listings from 20 concurrent users, both
//      as the tRPC query the browser sends and as whole pages (the HTML a shopper's first visit
//      gets: category pages and product pages, for a shopper who is not signed in);
//   6. prints a table and the machine, then stops the servers and drops the database.
//
// Options: --products <n> (default 100000), --searches <n> (default 300), --listings <n>
// (default 1000), --skip-build (reuse the last build in apps/storefront/.next: only when no
// server code changed since, as the build bundles the domain code).
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import type { PrismaClient } from "@market/db";
import { repoRoot } from "@market/db/paths";
import { createPostgresEngine, searchQueryInput, searchQueryToParams, type SearchEngine, type SearchQueryInput } from "@market/domain/search";
import type { StackDatabase } from "../database.ts";
import { productionAppEnv } from "../production-env.ts";
import { assertPortFree, startProcess, stopProcess, waitForHttp, type ManagedProcess } from "../processes.ts";
import { createProgressBar } from "../search/progress-bar.ts";
import { Rng } from "../seed/random.ts";
import { growCatalogue } from "./grow-catalogue.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { loadAverage, machine, printStats, summarise, type Stats } from "./measure.ts";

const { values: options } = parseArgs({
  options: {
    products: { type: "string", default: "100000" },
    searches: { type: "string", default: "300" },
    listings: { type: "string", default: "1000" },
    "skip-build": { type: "boolean", default: false },
  },
});
const PRODUCTS = Number(options.products);
const SEARCHES = Number(options.searches);
const LISTINGS = Number(options.listings);
const CONCURRENCY = 20;
const RAMP_UP_MS = 5_000;
const PORTS = { uncached: 3210, cached: 3211 };

// ---------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------

/**
 * Runs `work` over the inputs with `concurrency` workers. Each starts its next request as soon as
 * the last one is done, or, with `thinkMs`, after pausing that long (drawn from 0.5-1.5 times it),
 * as a person reading a page would: "20 users" rather than "20 requests in flight".
 */
async function measure<T>(name: string, inputs: T[], concurrency: number, work: (input: T) => Promise<void>, thinkMs = 0): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const rng = Rng.for("bench", "think", name);
  const worker = async (index: number) => {
    // Users arrive one after another over RAMP_UP_MS, as load tests ramp up, rather than all in
    // the same second: 20 cold listings at once queue for a second on two cores (measured), and
    // that burst would be 5 % of the sample, i.e. the whole p95.
    if (thinkMs) await sleep((index * RAMP_UP_MS) / concurrency + rng.between(0, 100));
    while (next < inputs.length) {
      const input = inputs[next++]!;
      const t = performance.now();
      try {
        await work(input);
        latencies.push(performance.now() - t);
      } catch (error) {
        errors += 1;
        if (errors <= 3) console.error(`  ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (thinkMs) await sleep(rng.between(0.5, 1.5) * thinkMs);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
  const seconds = (performance.now() - started) / 1000;
  return summarise(name, latencies, errors, seconds);
}

function viaEngine(engine: SearchEngine) {
  return async (input: SearchQueryInput) => {
    await engine.search(searchQueryInput.parse(input));
  };
}

/** A tRPC query that does next to nothing: what the HTTP stack costs without search. */
function floorViaHttp(baseUrl: string) {
  return async () => {
    const response = await fetch(`${baseUrl}/api/trpc/catalog.categories`);
    await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  };
}

function viaHttp(baseUrl: string) {
  return async (input: SearchQueryInput) => {
    // tRPC's GET form of a query: the superjson-encoded input in ?input=.
    const url = `${baseUrl}/api/trpc/search.search?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    const response = await fetch(url);
    const body = await response.text();
    if (!response.ok || !body.includes('"total"')) throw new Error(`HTTP ${response.status}: ${body.slice(0, 200)}`);
  };
}

/** How many page answers came from the server's page cache (its x-page-cache header). */
const pageCacheHits = new Map<string, { hits: number; total: number }>();

/** A whole page as a browser's first visit asks for it (HTML, compressed), for a shopper with no cookies. */
function pageViaHttp(baseUrl: string, tally: string) {
  return async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { accept: "text/html", "accept-language": "en" } });
    const body = await response.text();
    if (!response.ok || !body.includes("</html>")) throw new Error(`HTTP ${response.status} for ${path}`);
    const count = pageCacheHits.get(tally) ?? { hits: 0, total: 0 };
    count.total += 1;
    if (response.headers.get("x-page-cache") === "hit") count.hits += 1;
    pageCacheHits.set(tally, count);
  };
}

/** The category page's address for a listing query, as the storefront's own links write it. */
function categoryPagePath(input: SearchQueryInput): string {
  const params = searchQueryToParams(searchQueryInput.parse(input), ["category"]).toString();
  return `/catalog/${input.category}${params ? `?${params}` : ""}`;
}

// ---------------------------------------------------------------------------
// What shoppers ask for
// ---------------------------------------------------------------------------

/** A letter swapped with its neighbour or dropped: the typos people make. */
function misspell(word: string, rng: Rng): string {
  const i = rng.int(1, word.length - 2);
  if (rng.chance(0.5)) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  return word.slice(0, i) + word.slice(i + 1);
}

async function searchInputs(prisma: PrismaClient, count: number): Promise<SearchQueryInput[]> {
  const rng = Rng.for("bench", "searches");
  // Words shoppers would type: the catalogue's own, weighted towards the common ones.
  const words = (await prisma.$queryRaw<{ word: string }[]>`
    SELECT word FROM "SearchWord" WHERE length(word) >= 4 ORDER BY documents DESC LIMIT 400`).map((r) => r.word);
  const russian = (await prisma.$queryRaw<{ name: string }[]>`SELECT lower("nameRu") AS name FROM "Category" WHERE depth = 1`).map((r) => r.name);
  const inputs: SearchQueryInput[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rng.float();
    let q: string;
    if (roll < 0.4) q = rng.pick(words);
    else if (roll < 0.65) q = `${rng.pick(words)} ${rng.pick(words)}`;
    else if (roll < 0.8) q = rng.pick(russian);
    else q = misspell(rng.pick(words.filter((w) => w.length >= 5)), rng);
    const input: SearchQueryInput = { q };
    if (rng.chance(0.2)) input.inStock = true;
    if (rng.chance(0.15)) Object.assign(input, { priceMin: 100_000, priceMax: 500_000 });
    if (rng.chance(0.15)) input.sort = rng.pick(["price_asc", "price_desc", "newest", "rating"] as const);
    inputs.push(input);
  }
  return inputs;
}

async function listingInputs(prisma: PrismaClient, count: number, label = "listings"): Promise<SearchQueryInput[]> {
  const rng = Rng.for("bench", label);
  const categories = await prisma.$queryRaw<{ slug: string; sizes: string[] | null }[]>`
    SELECT c.slug, (SELECT array_agg(DISTINCT s) FROM "ProductSearchEntry" e, unnest(e.sizes) s WHERE e."categorySlugs" @> ARRAY[c.slug]) AS sizes
      FROM "Category" c`;
  const inputs: SearchQueryInput[] = [];
  for (let i = 0; i < count; i++) {
    const category = rng.pick(categories);
    const input: SearchQueryInput = {
      category: category.slug,
      sort: rng.pick(["popular", "popular", "popular", "price_asc", "price_desc", "newest", "rating"] as const),
      page: rng.weighted([
        { value: 1, weight: 70 },
        { value: 2, weight: 20 },
        { value: 3, weight: 10 },
      ]),
    };
    if (rng.chance(0.15)) input.inStock = true;
    if (category.sizes?.length && rng.chance(0.15)) input.sizes = [rng.pick(category.sizes)];
    if (rng.chance(0.1)) input.ratingMin = 4;
    inputs.push(input);
  }
  return inputs;
}

/** Product pages, the popular ones more often (as shoppers reach them from listings). */
async function productPagePaths(prisma: PrismaClient, count: number): Promise<string[]> {
  const rng = Rng.for("bench", "product-pages");
  const slugs = (await prisma.$queryRaw<{ slug: string }[]>`
    SELECT slug FROM "Product" WHERE status = 'ACTIVE' ORDER BY popularity DESC, id LIMIT 2000`).map((r) => r.slug);
  return Array.from({ length: count }, () => `/products/${slugs[Math.floor(rng.float() ** 2 * slugs.length)]}`);
}

// ---------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------

const cleanups: (() => Promise<void>)[] = [];
const processes: ManagedProcess[] = [];
let stack: StackDatabase | undefined;

async function main(): Promise<Stats[]> {
  const results: Stats[] = [];
  console.log(`Machine: ${machine()}`);
  console.log(`Load average (1/5/15 min) at start: ${loadAverage()}`);
  await Promise.all(Object.values(PORTS).map((port) => assertPortFree(port)));

  // 1. The production build, while the data is made.
  const build = options["skip-build"]
    ? Promise.resolve(0)
    : startProcess("build", "pnpm", ["--filter", "@market/storefront", "build"], {
        cwd: repoRoot,
        env: { ...process.env, NODE_ENV: "production" },
        quiet: true,
      }).exited;
  let started = performance.now();

  // 2. The database.
  const bench = await openBenchDatabase("search", cleanups);
  stack = bench.stack;
  const { databaseUrl, filesDir, prisma } = bench;
  let t = performance.now();
  const products = await growCatalogue(prisma, PRODUCTS);
  console.log(`Catalogue grown to ${products.toLocaleString("en")} products in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // 3. The index.
  const engine = createPostgresEngine({ db: () => prisma });
  t = performance.now();
  const bar = createProgressBar("Reindexing");
  await engine.reindexAll((done, total) => bar.update(done, total));
  bar.finish();
  const reindexSeconds = (performance.now() - t) / 1000;
  const [{ entries } = { entries: 0 }] = await prisma.$queryRaw<{ entries: number }[]>`SELECT count(*)::int AS entries FROM "ProductSearchEntry"`;
  console.log(`Index: ${entries.toLocaleString("en")} listed products in ${reindexSeconds.toFixed(1)} s`);

  const searches = await searchInputs(prisma, SEARCHES);
  const listings = await listingInputs(prisma, LISTINGS);
  // Other pages than the measured ones: warming up must not fill the caches with the answers.
  const warmUp = await listingInputs(prisma, 200, "warm-up");

  // Through the engine, one at a time (after a warm-up that is not counted).
  for (const input of searches.slice(0, 20)) await viaEngine(engine)(input);
  results.push(await measure("search + facets, engine, 1 at a time", searches, 1, viaEngine(engine)));
  results.push(await measure("category listing, engine, 1 at a time", listings.slice(0, 300), 1, viaEngine(engine)));

  // 4. The storefront.
  const buildCode = await build;
  if (!options["skip-build"]) {
    console.log(`Storefront build ${buildCode === 0 ? "done" : `FAILED (exit ${buildCode})`} (${((performance.now() - started) / 1000).toFixed(0)} s after it started)`);
  }
  if (buildCode !== 0) {
    console.error("No HTTP measurements: the storefront did not build (run `pnpm --filter @market/storefront build` to see why).");
    return results;
  }
  const env: NodeJS.ProcessEnv = { ...productionAppEnv({ databaseUrl, filesDir }), LOG_LEVEL: "warn" };
  const servers = {
    uncached: startProcess("storefront-uncached", "pnpm", ["--filter", "@market/storefront", "start"], {
      cwd: repoRoot,
      env: { ...env, PORT: String(PORTS.uncached), STOREFRONT_URL: `http://localhost:${PORTS.uncached}`, SEARCH_CACHE_TTL_SECONDS: "0" },
      quiet: true,
    }),
    cached: startProcess("storefront-cached", "pnpm", ["--filter", "@market/storefront", "start"], {
      cwd: repoRoot,
      env: { ...env, PORT: String(PORTS.cached), STOREFRONT_URL: `http://localhost:${PORTS.cached}` },
      quiet: true,
    }),
  };
  processes.push(servers.uncached, servers.cached);
  started = performance.now();
  await Promise.all([
    waitForHttp(`http://localhost:${PORTS.uncached}/api/health`, { proc: servers.uncached }),
    waitForHttp(`http://localhost:${PORTS.cached}/api/health`, { proc: servers.cached }),
  ]);
  console.log(`Storefront servers answering after ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // 5. Over HTTP. Warm-ups first, concurrent ones too: a fresh server loads its route code,
  // compiles its hot paths and opens its database connections during its first requests, which
  // took up to 2 s each when measured cold.
  const uncached = viaHttp(`http://localhost:${PORTS.uncached}`);
  const cached = viaHttp(`http://localhost:${PORTS.cached}`);
  for (const work of [uncached, cached]) {
    await measure("warm-up", warmUp, CONCURRENCY, work);
    for (const input of searches.slice(0, 20)) await work(input);
  }
  results.push(await measure("search + facets, HTTP, 1 at a time", searches, 1, uncached));
  // The same requests, unmeasured, on the other server, so that both are equally warm (V8
  // optimises a server's hot paths over its first few hundred requests).
  await measure("warm-up", searches, 1, cached);
  const thinking = listings.slice(0, Math.min(listings.length, 400));
  results.push(await measure(`category, HTTP, ${CONCURRENCY} users (1 s think), no cache`, thinking, CONCURRENCY, uncached, 1_000));
  results.push(await measure(`category, HTTP, ${CONCURRENCY} users (1 s think), as deployed`, thinking, CONCURRENCY, cached, 1_000));
  results.push(await measure(`category, HTTP, ${CONCURRENCY} in flight, no cache`, listings, CONCURRENCY, uncached));
  results.push(await measure(`category, HTTP, ${CONCURRENCY} in flight, as deployed`, listings, CONCURRENCY, cached));
  results.push(await measure(`floor: catalog.categories, ${CONCURRENCY} in flight`, listings.slice(0, 500), CONCURRENCY, floorViaHttp(`http://localhost:${PORTS.uncached}`)));

  // Whole pages: what a shopper's first visit to a category or product costs the server.
  const categoryPages = thinking.map(categoryPagePath);
  const productPages = await productPagePaths(prisma, thinking.length);
  for (const [port, tally] of [[PORTS.uncached, "warm-up"], [PORTS.cached, "warm-up"]] as const) {
    await measure("warm-up", warmUp.slice(0, 100).map(categoryPagePath), CONCURRENCY, pageViaHttp(`http://localhost:${port}`, tally));
  }
  for (const [label, paths] of [["category page", categoryPages], ["product page", productPages]] as const) {
    for (const [server, port] of [["no cache", PORTS.uncached], ["as deployed", PORTS.cached]] as const) {
      const name = `${label} (HTML), ${CONCURRENCY} users (1 s think), ${server}`;
      results.push(await measure(name, paths, CONCURRENCY, pageViaHttp(`http://localhost:${port}`, name), 1_000));
    }
  }
  return results;
}

function printTable(results: Stats[]) {
  printStats(results);
  for (const [name, { hits, total }] of pageCacheHits) {
    if (name !== "warm-up" && name.endsWith("as deployed")) console.log(`${name}: ${hits} of ${total} pages from the page cache`);
  }
  console.log(`\nGoals: search p95 < 50 ms; category listing p95 < 100 ms at ${CONCURRENCY} concurrent users.`);
  console.log('"as deployed": listings and anonymous pages cached for SEARCH_CACHE_TTL_SECONDS (30 s); "no cache": SEARCH_CACHE_TTL_SECONDS=0.');
  console.log('"in flight": each user sends the next request the moment the last answer arrives (no reading time).');
  console.log(`Machine: ${machine()}`);
  console.log(`Load average (1/5/15 min) at the end: ${loadAverage()} (other work on the machine inflates the numbers)`);
}

const benchStarted = performance.now();
let stopping: Promise<void> | undefined;
/** Stops the servers (their own process groups: Ctrl+C does not reach them), drops the database. */
function stopEverything(): Promise<void> {
  stopping ??= (async () => {
    await Promise.all(processes.map((p) => stopProcess(p)));
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error("cleanup:", error));
    await stack?.stop();
    console.log(`Finished in ${((performance.now() - benchStarted) / 1000).toFixed(0)} s`);
  })();
  return stopping;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stopEverything().finally(() => process.exit(130)));

let code = 0;
try {
  printTable(await main());
} catch (error) {
  console.error(error);
  code = 1;
} finally {
  await stopEverything();
}
process.exit(code);
