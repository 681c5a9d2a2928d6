// CPU time spent by whole process trees (a server and everything it started), read from /proc,
// so a benchmark can say where each unit of work went: app, worker, database, load generator.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

type ProcStat = { pid: number; ppid: number; cpuMs: number };

function readStat(pid: number): ProcStat | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses: the fields start after the last ")".
    const fields = raw.slice(raw.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]); // utime stime cutime cstime
    return { pid, ppid: Number(fields[1]), cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return null; // gone meanwhile
  }
}

/** CPU milliseconds used so far by `root` and all its descendants (finished children included). */
export function treeCpuMs(root: number): number {
  const stats = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== null);
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  let total = 0;
  const visit = (stat: ProcStat) => {
    total += stat.cpuMs;
    for (const child of children.get(stat.pid) ?? []) visit(child);
  };
  const rootStat = stats.find((stat) => stat.pid === root);
  if (rootStat) visit(rootStat);
  return total;
}

/** The PostgreSQL server's main process, from its data directory. */
export function postmasterPid(dataDirectory: string): number | null {
  try {
    return Number(readFileSync(`${dataDirectory}/postmaster.pid`, "utf8").split("\n")[0]) || null;
  } catch {
    return null;
  }
}

/** CPU of this process only (the load generator). */
export const ownCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

export type CpuMeter = { stop(): Record<string, number> };

/** Starts counting the CPU of each named tree; stop() gives the milliseconds used meanwhile. */
export function meterCpu(roots: Record<string, number | null | undefined>): CpuMeter {
  const read = () => Object.fromEntries(Object.entries(roots).map(([name, pid]) => [name, name === "bench client" ? ownCpuMs() : pid ? treeCpuMs(pid) : 0]));
  const before = read();
  return {
    stop() {
      const after = read();
      return Object.fromEntries(Object.keys(roots).map((name) => [name, after[name]! - before[name]!]));
    },
  };
}
