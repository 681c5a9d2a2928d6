// A one-line progress bar for long CLI jobs. Twenty lines of our own rather than a dependency:
// all it needs is a carriage return, and it must also behave in CI logs, where it prints a plain
// line every tenth instead of redrawing.
export type ProgressBar = { update(done: number, total: number): void; finish(): void };

const WIDTH = 30;

function seconds(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function createProgressBar(label: string, stream: NodeJS.WriteStream = process.stdout): ProgressBar {
  const started = performance.now();
  let lastTenth = -1;
  let lastLine = "";
  return {
    update(done, total) {
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      const elapsed = performance.now() - started;
      const eta = fraction > 0 && fraction < 1 ? ` · ${seconds((elapsed / fraction) * (1 - fraction))} left` : "";
      const counts = `${done.toLocaleString("en")}/${total.toLocaleString("en")}`;
      if (stream.isTTY) {
        const filled = Math.round(fraction * WIDTH);
        lastLine = `${label} [${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}] ${Math.round(fraction * 100)}% ${counts} · ${seconds(elapsed)}${eta}`;
        stream.write(`\r${lastLine}\x1b[K`);
      } else {
        const tenth = Math.floor(fraction * 10);
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        stream.write(`${label} ${tenth * 10}% ${counts} · ${seconds(elapsed)}\n`);
      }
    },
    finish() {
      if (stream.isTTY && lastLine) stream.write("\n");
    },
  };
}
