export default function Loading() {
  return (
    <div role="status" className="flex flex-col gap-4">
      <span className="sr-only">Loading orders…</span>
      <div aria-hidden="true" className="h-8 w-40 animate-pulse rounded-lg bg-gray-200" />
      <div aria-hidden="true" className="h-32 animate-pulse rounded-2xl bg-gray-200" />
      <div aria-hidden="true" className="h-64 animate-pulse rounded-2xl bg-gray-200" />
    </div>
  );
}
