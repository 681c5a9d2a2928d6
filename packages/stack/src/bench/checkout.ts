// `pnpm bench:checkout`: the money path under load, against the storefront's production build.
// Each order is what a shopper's browser and Stripe do: add to cart (two sellers), place the
// order, open the payment (a PaymentIntent at the payment sandbox, through the Stripe SDK), and
// Stripe's signed `payment_intent.succeeded` webhook. Two scenarios:
//
//   1. throughput: SHOPPERS (10) shoppers ordering one after another for DURATION seconds;
//      reports completed (paid) orders per second and the latency of each step and of the path;
//   2. a hot product: HOT_SHOPPERS (100) shoppers with the same item in their carts press
//      "Place order" at the same moment for HOT_STOCK (10) units; reports how many got it,
//      the latency, and checks that stock never oversold;
//   3. the parcels' status updates from the warehouse (its steps come an hour apart during 1
//      and 2, as a real warehouse's do, then 50 ms apart for STATUS_UPDATE_SECONDS): CPU per
//      update, to price the rest of an order's life.
//
// The storefront runs with `pnpm start` (our production server) and the worker beside it, on a
// throw-away database on the bench PostgreSQL (.data/postgres-bench, port BENCH_POSTGRES_PORT
// or 5434) seeded with the demo data.
//
// Options: --shoppers <n> (10), --duration <s> (30), --hot-shoppers <n> (100), --hot-stock <n>
// (10), --skip-build (reuse apps/storefront/.next when no server code changed since), --profile
// <dir> (V8 CPU profiles of the storefront, worker and simulator, one folder each, written when
// they stop; the largest file in a folder is the main thread; open it in Chrome DevTools).
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { rmSync } from "node:fs";
import { dataDir, repoRoot } from "@market/db/paths";
import type { StackDatabase } from "../database.ts";
import { productionAppEnv } from "../production-env.ts";
import { assertPortFree, startProcess, stopProcess, waitForHttp, type ManagedProcess } from "../processes.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { meterCpu, postmasterPid } from "./process-cpu.ts";
import { loadAverage, machine, runBench, summarise, type Stats } from "./measure.ts";
import { HttpError, paymentSucceededEvent, request, ShopperClient, stripeSignature } from "./shopper-client.ts";

const { values: options } = parseArgs({
  options: {
    shoppers: { type: "string", default: "10" },
    duration: { type: "string", default: "30" },
    "hot-shoppers": { type: "string", default: "100" },
    "hot-stock": { type: "string", default: "10" },
    "skip-build": { type: "boolean", default: false },
    profile: { type: "string" },
  },
});
const SHOPPERS = Number(options.shoppers);
const DURATION_S = Number(options.duration);
const HOT_SHOPPERS = Number(options["hot-shoppers"]);
const HOT_STOCK = Number(options["hot-stock"]);
const PORT = 3220;
const WAREHOUSE_PORT = 3222;
const PARCEL_STEP_MS = 60 * 60 * 1000;
const STATUS_UPDATE_SECONDS = 15;
const BASE = `http://localhost:${PORT}`;
const PASSWORD = "bench-password-1";
const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString("hex")}`;

type PaymentSession = { paymentIntentId: string; amountMinor: number; currency: string };
type Placed = { number: string; totalMinor: number; currency: string };

const contact = { name: "Bench Shopper", phone: "+79001234567", email: "bench@example.com" };
const newKey = () => randomBytes(16).toString("base64url");

/** Opens the payment (the pay page's call), then Stripe's webhook pays it; `opened` marks the moment between. */
async function payByWebhook(client: ShopperClient, number: string, opened?: () => void): Promise<void> {
  const { session } = await client.query<{ session: PaymentSession | null }>("payments.session", { number });
  if (!session) throw new Error(`order ${number} has no payment to make`);
  opened?.();
  await postWebhook(paymentSucceededEvent({ id: session.paymentIntentId, amount: session.amountMinor, currency: session.currency, orderNumber: number }), number);
}

async function postWebhook(payload: string, number = "the order"): Promise<void> {
  const response = await request(`${BASE}/api/webhooks/stripe`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": stripeSignature(payload, WEBHOOK_SECRET) },
    body: payload,
  });
  if (!response.ok) throw new HttpError(response.status, response.text);
  // A 200 also answers duplicates and events that are not ours: only "paid" completes the order.
  const { outcome } = JSON.parse(response.text) as { outcome?: string };
  if (outcome !== "paid") throw new Error(`the webhook for ${number} answered "${outcome}", not "paid"`);
}

/** What each app's `pnpm start` runs (tsx on its entry), optionally under the V8 profiler. */
function startApp(name: string, dir: string, entry: string, env: NodeJS.ProcessEnv): ManagedProcess {
  const profile = options.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(options.profile, name)}`] : [];
  return startProcess(name, process.execPath, [...profile, "--import", "tsx", entry], { cwd: path.join(repoRoot, dir), env, quiet: true });
}

/** "<total> ms (storefront a, worker b, …)": the CPU per unit of work, by process. */
function cpuPer(used: Record<string, number>, units: number): string {
  const per = (ms: number) => (ms / Math.max(units, 1)).toFixed(1);
  const total = Object.values(used).reduce((sum, ms) => sum + ms, 0);
  return `${per(total)} ms (${Object.entries(used).map(([name, ms]) => `${name} ${per(ms)}`).join(", ")})`;
}

const cleanups: (() => Promise<void>)[] = [];
const processes: ManagedProcess[] = [];
let stack: StackDatabase | undefined;

async function main(): Promise<{ results: Stats[]; notes: string[] }> {
  const results: Stats[] = [];
  const notes: string[] = [];
  console.log(`Machine: ${machine()}`);
  console.log(`Load average (1/5/15 min) at start: ${loadAverage()}`);
  await Promise.all([assertPortFree(PORT), assertPortFree(WAREHOUSE_PORT)]);

  const build = options["skip-build"]
    ? Promise.resolve(0)
    : startProcess("build", "pnpm", ["--filter", "@market/storefront", "build"], { cwd: repoRoot, env: { ...process.env, NODE_ENV: "production" }, quiet: true }).exited;

  const bench = await openBenchDatabase("checkout", cleanups);
  stack = bench.stack;
  const { databaseUrl, filesDir, prisma } = bench;

  // Shoppers: real accounts (Argon2id hashes through the domain's sign-up).
  process.env.DATABASE_URL = databaseUrl;
  const { signUp } = await import("@market/domain/accounts");
  const emails = Array.from({ length: Math.max(SHOPPERS, HOT_SHOPPERS) }, (_, i) => `bench-${i}-${Date.now()}@example.com`);
  for (const email of emails) await signUp({ name: "Bench Shopper", email, password: PASSWORD });

  // Goods: in-stock variants of two sellers, topped up so the run never sells out; one hot
  // variant with exactly HOT_STOCK units in one warehouse.
  const variants = await prisma.$queryRaw<{ id: string; sellerId: string }[]>`
    SELECT DISTINCT ON (v.id) v.id, p."sellerId"
      FROM "ProductVariant" v JOIN "Product" p ON p.id = v."productId" JOIN "Stock" s ON s."variantId" = v.id
     WHERE v."isActive" AND p.status = 'ACTIVE' AND p.currency = 'RUB' AND s."onHand" - s.reserved > 0`;
  const sellers = [...new Set(variants.map((v) => v.sellerId))];
  const bySeller = sellers.map((seller) => variants.filter((v) => v.sellerId === seller).map((v) => v.id)).filter((ids) => ids.length > 0);
  const hot = bySeller[0]!.pop()!;
  await prisma.$executeRaw`UPDATE "Stock" SET "onHand" = "onHand" + 100000 WHERE "variantId" = ANY(${variants.map((v) => v.id).filter((id) => id !== hot)}::uuid[])`;
  await prisma.$executeRaw`DELETE FROM "Stock" WHERE "variantId" = ${hot}::uuid AND "warehouseId" <> (SELECT "warehouseId" FROM "Stock" WHERE "variantId" = ${hot}::uuid LIMIT 1)`;
  await prisma.$executeRaw`UPDATE "Stock" SET "onHand" = ${HOT_STOCK}, reserved = 0 WHERE "variantId" = ${hot}::uuid`;
  const [point] = await prisma.$queryRaw<{ id: string }[]>`SELECT id FROM "PickupPoint" WHERE "isActive" ORDER BY code LIMIT 1`;
  const delivery = { method: "PICKUP" as const, pickupPointId: point!.id };

  const buildCode = await build;
  if (buildCode !== 0) throw new Error(`the storefront did not build (exit ${buildCode}); run \`pnpm --filter @market/storefront build\` to see why`);
  const env: NodeJS.ProcessEnv = {
    ...productionAppEnv({ databaseUrl, filesDir }),
    LOG_LEVEL: "warn",
    PORT: String(PORT),
    STOREFRONT_URL: BASE,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    // Paid orders go on to the warehouse, as in production: the simulator on a port of its own.
    WAREHOUSE_URL: undefined,
    WAREHOUSE_SIMULATOR_PORT: String(WAREHOUSE_PORT),
  };
  const warehouseState = dataDir("warehouse-simulator-bench");
  rmSync(warehouseState, { recursive: true, force: true });
  const storefront = startApp("storefront", "apps/storefront", "server.ts", env);
  const worker = startApp("worker", "apps/worker", "src/main.ts", env);
  const warehouse = startApp("warehouse", "apps/warehouse-simulator", "src/main.ts", {
    ...env,
    WAREHOUSE_SIMULATOR_STATE_FILE: path.join(warehouseState, "state.json"),
    // A real warehouse reports a parcel's steps over hours, not within the checkout's half minute:
    // the status updates are a scenario of their own (3) rather than mixed into the checkout's
    // numbers by whichever of them happen to fall inside its window.
    WAREHOUSE_SIMULATOR_STEP_MS: String(PARCEL_STEP_MS),
    WAREHOUSE_SIMULATOR_CONTROL: "1",
  });
  processes.push(storefront, worker, warehouse);
  await waitForHttp(`${BASE}/api/health`, { proc: storefront });
  await waitForHttp(`http://127.0.0.1:${WAREHOUSE_PORT}/health`, { proc: warehouse });

  const clients = emails.map(() => new ShopperClient(BASE));
  await Promise.all(clients.map((client, i) => client.signIn(emails[i]!, PASSWORD)));
  console.log(`${clients.length} shoppers signed in`);

  // Warm-up: a fresh server compiles its hot paths during its first requests.
  for (let i = 0; i < 20; i++) {
    const client = clients[i % SHOPPERS]!;
    await client.mutation("cart.add", { variantId: bySeller[1]![i]!, quantity: 1 });
    const placed = await client.mutation<Placed>("checkout.placeOrder", { idempotencyKey: newKey(), delivery, contact });
    await payByWebhook(client, placed.number);
  }

  // 0. Where the CPU goes: one shopper, orders one after another, each step metered on its own;
  // what the worker and the warehouse do afterwards is waited for and metered as "follow-up".
  const roots = {
    storefront: storefront.child.pid,
    worker: worker.child.pid,
    "warehouse simulator": warehouse.child.pid,
    PostgreSQL: postmasterPid(dataDir("postgres-bench")),
  };
  const stepCpu = new Map<string, Record<string, number>>();
  const metered = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const meter = meterCpu(roots);
    try {
      return await work();
    } finally {
      const used = meter.stop();
      const sum = stepCpu.get(step) ?? {};
      for (const [name, ms] of Object.entries(used)) sum[name] = (sum[name] ?? 0) + ms;
      stepCpu.set(step, sum);
    }
  };
  const queueEmpty = async () => {
    for (let i = 0; i < 200; i++) {
      const [row] = await prisma.$queryRaw<{ waiting: number }[]>`SELECT count(*)::int AS waiting FROM graphile_worker.jobs WHERE run_at <= now() AND attempts < max_attempts`;
      if (row!.waiting === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const COST_ORDERS = 40;
  await queueEmpty();
  for (let n = 0; n < COST_ORDERS; n++) {
    const client = clients[0]!;
    for (const [i, ids] of bySeller.slice(0, 2).entries()) {
      await metered("add to cart (×2)", () => client.mutation("cart.add", { variantId: ids[(n * 31 + i) % ids.length]!, quantity: 1 }));
    }
    const placed = await metered("place order", () => client.mutation<Placed>("checkout.placeOrder", { idempotencyKey: newKey(), delivery, contact }));
    const { session } = await metered("payment session", () => client.query<{ session: PaymentSession | null }>("payments.session", { number: placed.number }));
    const payload = paymentSucceededEvent({ id: session!.paymentIntentId, amount: session!.amountMinor, currency: session!.currency, orderNumber: placed.number });
    await metered("payment webhook", () => postWebhook(payload));
    await metered("follow-up (worker, warehouse)", queueEmpty);
  }
  for (const [step, used] of stepCpu) notes.push(`CPU per order, ${step}: ${cpuPer(used, COST_ORDERS)}`);

  // 1. Throughput.
  const steps = { add: [] as number[], place: [] as number[], session: [] as number[], webhook: [] as number[], path: [] as number[] };
  let errors = 0;
  let orders = 0;
  const cpu = meterCpu({ ...roots, "bench client": process.pid });
  const deadline = performance.now() + DURATION_S * 1000;
  const started = performance.now();
  await Promise.all(
    clients.slice(0, SHOPPERS).map(async (client, shopper) => {
      for (let n = 0; performance.now() < deadline; n++) {
        const t0 = performance.now();
        try {
          for (const ids of bySeller.slice(0, 2)) await client.mutation("cart.add", { variantId: ids[(shopper * 997 + n) % ids.length]!, quantity: 1 });
          const t1 = performance.now();
          const placed = await client.mutation<Placed>("checkout.placeOrder", { idempotencyKey: newKey(), delivery, contact });
          const t2 = performance.now();
          let opened = t2;
          await payByWebhook(client, placed.number, () => (opened = performance.now()));
          const t3 = performance.now();
          steps.add.push(t1 - t0);
          steps.place.push(t2 - t1);
          steps.session.push(opened - t2);
          steps.webhook.push(t3 - opened);
          steps.path.push(t3 - t0);
          orders += 1;
        } catch (error) {
          errors += 1;
          if (errors <= 3) console.error(`  order failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = cpu.stop();
  const total = Object.values(used).reduce((sum, ms) => sum + ms, 0);
  notes.push(`CPU per paid order: ${cpuPer(used, orders)}; ${(total / 1000 / seconds).toFixed(2)} of ${os.cpus().length} cores busy.`);
  results.push(summarise(`${SHOPPERS} shoppers: add 2 items to cart`, steps.add, 0, seconds));
  results.push(summarise(`${SHOPPERS} shoppers: place order`, steps.place, 0, seconds));
  results.push(summarise(`${SHOPPERS} shoppers: payment session (intent)`, steps.session, 0, seconds));
  results.push(summarise(`${SHOPPERS} shoppers: payment webhook`, steps.webhook, 0, seconds));
  results.push(summarise(`${SHOPPERS} shoppers: whole path (orders/s)`, steps.path, errors, seconds));
  // The orders are paid once the webhook answered 200; check the database agrees.
  const paid = await prisma.order.count({ where: { status: "PAID" } });
  notes.push(`Throughput: ${orders} orders paid in ${seconds.toFixed(1)} s = ${(orders / seconds).toFixed(1)} orders/s (${paid} PAID orders in the database, incl. 20 warm-up).`);

  // 2. The hot product.
  const hotClients = clients.slice(0, HOT_SHOPPERS);
  for (const client of hotClients) await client.mutation("cart.add", { variantId: hot, quantity: 1 }).catch(() => undefined);
  // Every cart holds the hot item (carts are checked against stock when adding; empty them of
  // anything else first so only the hot item is ordered).
  const hotLatencies: number[] = [];
  let won = 0;
  let refused = 0;
  let otherErrors = 0;
  const hotStarted = performance.now();
  await Promise.all(
    hotClients.map(async (client) => {
      const t = performance.now();
      try {
        const placed = await client.mutation<Placed>("checkout.placeOrder", { idempotencyKey: newKey(), delivery, contact });
        won += 1;
        await payByWebhook(client, placed.number);
      } catch (error) {
        if (error instanceof HttpError && error.status === 409 && error.body.includes("sold out")) refused += 1;
        else {
          otherErrors += 1;
          if (otherErrors <= 3) console.error(`  hot: ${error instanceof Error ? error.message : String(error)}`);
        }
      } finally {
        hotLatencies.push(performance.now() - t);
      }
    }),
  );
  results.push(summarise(`hot product: ${HOT_SHOPPERS} shoppers at once`, hotLatencies, otherErrors, (performance.now() - hotStarted) / 1000));
  const [stock] = await prisma.$queryRaw<{ onHand: number; reserved: number }[]>`SELECT "onHand", reserved FROM "Stock" WHERE "variantId" = ${hot}::uuid`;
  const sold = await prisma.orderLine.aggregate({ where: { variantId: hot, order: { status: { in: ["PAID", "PENDING_PAYMENT"] } } }, _sum: { quantity: true } });
  const oversold = (sold._sum.quantity ?? 0) - HOT_STOCK;
  notes.push(
    `Hot product: ${HOT_STOCK} units, ${HOT_SHOPPERS} shoppers: ${won} orders placed, ${refused} told "sold out", ${otherErrors} other errors; ` +
      `stock now onHand ${stock?.onHand} reserved ${stock?.reserved}; units ordered ${sold._sum.quantity ?? 0} → oversold ${Math.max(0, oversold)}.`,
  );
  if (oversold > 0) notes.push("OVERSOLD: this is a bug.");

  // 3. The parcels' status updates: the simulator reports each step of every parcel so far
  // (accepted … delivered, 50 ms apart instead of an hour) to the storefront's signed webhook,
  // which applies it and writes it to the outbox; the worker turns it into the shopper's
  // notification. CPU per update, so the whole life of an order can be priced.
  const control = async (mode?: { stepMs: number }) => {
    const response = await request(`http://127.0.0.1:${WAREHOUSE_PORT}/control`, mode ? { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(mode) } : {});
    if (!response.ok) throw new HttpError(response.status, response.text);
    return (JSON.parse(response.text) as { counts: { tasks: number; eventsSent: number } }).counts;
  };
  const before = await control();
  const statusCpu = meterCpu(roots);
  const statusStarted = performance.now();
  await control({ stepMs: 50 });
  await new Promise((resolve) => setTimeout(resolve, STATUS_UPDATE_SECONDS * 1000));
  const after = await control({ stepMs: PARCEL_STEP_MS });
  await queueEmpty();
  const statusUsed = statusCpu.stop();
  const statusSeconds = (performance.now() - statusStarted) / 1000;
  const updates = after.eventsSent - before.eventsSent;
  const perUpdate = Object.values(statusUsed).reduce((sum, ms) => sum + ms, 0) / Math.max(updates, 1);
  // Parts in a marketplace warehouse go to the warehouse system; a seller's own ships them itself.
  const [parcels] = await prisma.$queryRaw<{ perOrder: number }[]>`
    SELECT (count(*) FILTER (WHERE w.kind = 'MARKETPLACE'))::float / GREATEST(count(DISTINCT p."orderId"), 1) AS "perOrder"
      FROM "OrderPart" p JOIN "Warehouse" w ON w.id = p."warehouseId" JOIN "Order" o ON o.id = p."orderId"
     WHERE o.status IN ('PAID', 'COMPLETED')`;
  const partsPerOrder = parcels!.perOrder;
  notes.push(
    `Parcel status updates: ${updates} in ${statusSeconds.toFixed(1)} s = ${(updates / statusSeconds).toFixed(0)}/s, ` +
      `CPU per update ${cpuPer(statusUsed, updates)}; an order here has ${partsPerOrder.toFixed(2)} parcels at the warehouse × 5 steps = ${(perUpdate * partsPerOrder * 5).toFixed(1)} ms over its life.`,
  );
  return { results, notes };
}

await runBench(main, {
  rateLabel: "per s",
  goals: "Goals: at least 100 completed orders per second with 10 shoppers; the hot product never oversold.",
  teardown: async () => {
    await Promise.all(processes.map((p) => stopProcess(p)));
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error("cleanup:", error));
    await stack?.stop();
  },
});
