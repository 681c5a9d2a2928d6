export function Rating({ average, count, label }: { average: number; count: number; label: string }) {
  if (count === 0) return <span className="text-xs text-muted">{label}</span>;
  return (
    <span className="inline-flex items-center gap-1 text-xs text-muted" aria-label={`${average.toFixed(1)} / 5 · ${label}`}>
      <span aria-hidden className="text-amber-500">★</span>
      <span className="font-medium text-ink">{average.toFixed(1)}</span>
      <span aria-hidden>· {label}</span>
    </span>
  );
}
