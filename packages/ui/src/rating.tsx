export function Rating({ average, count }: { average: number; count: number }) {
  if (count === 0) return <span className="text-xs text-muted">No reviews yet</span>;
  return (
    <span className="inline-flex items-center gap-1 text-xs text-muted" aria-label={`Rated ${average} out of 5 from ${count} reviews`}>
      <span aria-hidden className="text-amber-500">★</span>
      <span className="font-medium text-ink">{average.toFixed(1)}</span>
      <span>· {count.toLocaleString("en")}</span>
    </span>
  );
}
