// Shared by the benchmarks: latency percentiles over a closed-loop load, and a description of the
// machine the numbers came from.
import os from "node:os";

export type Stats = { name: string; count: number; errors: number; p50: number; p95: number; p99: number; max: number; perSecond: number };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarise(name: string, latencies: number[], errors: number, seconds: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    name,
    count: sorted.length,
    errors,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    perSecond: sorted.length / seconds,
  };
}

export function machine(): string {
  const cpus = os.cpus();
  return [
    `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}`,
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory`,
    `Node ${process.version}`,
    `${os.type()} ${os.release()}`,
  ].join(", ");
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" / ");
}

export function printStats(results: Stats[], rateLabel = "req/s") {
  const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–").padStart(8);
  const width = Math.max(52, ...results.map((r) => r.name.length));
  console.log(`\n${"scenario".padEnd(width)} ${"n".padStart(5)} ${"err".padStart(4)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)} ${rateLabel.padStart(8)}`);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(width)} ${String(r.count).padStart(5)} ${String(r.errors).padStart(4)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)} ${ms(r.max)} ${r.perSecond.toFixed(1).padStart(8)}`,
    );
  }
}

export type BenchReport = { results: Stats[]; notes: string[] };

/**
 * Runs a benchmark's `main`, prints its table, notes, goals and the machine, always tears down
 * what it started (servers, databases, rows it added), and exits 1 if it failed.
 */
export async function runBench(main: () => Promise<BenchReport>, options: { rateLabel: string; goals?: string; teardown: () => Promise<void> }): Promise<never> {
  let code = 0;
  const started = performance.now();
  try {
    const { results, notes } = await main();
    printStats(results, options.rateLabel);
    console.log("");
    for (const note of notes) console.log(note);
    if (options.goals) console.log(`\n${options.goals}`);
    console.log(`\nMachine: ${machine()}`);
    console.log(`Load average (1/5/15 min) at the end: ${loadAverage()} (other work on the machine inflates the numbers)`);
  } catch (error) {
    console.error(error);
    code = 1;
  } finally {
    await options.teardown();
    console.log(`Finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  process.exit(code);
}
