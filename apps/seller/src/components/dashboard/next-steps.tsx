// What a new shop does next, shown on the dashboard until it has its first product.
import Link from "next/link";

export function NextSteps({ shopQuery }: { shopQuery: string }) {
  return (
    <section aria-labelledby="next-steps-title" className="rounded-2xl bg-white p-4 shadow-sm sm:p-6">
      <h2 id="next-steps-title" className="text-lg font-semibold">Next steps</h2>
      <ol className="mt-2 flex list-decimal flex-col gap-2 pl-5">
        <li>
          <Link href={`/products/new${shopQuery}`} className="font-medium text-brand-600 underline">Add your first product</Link>: photos, sizes and
          colours, prices and stock, then publish it.
        </li>
        <li>
          Set stock and prices through the Seller API: create a key on{" "}
          <Link href={`/api-keys${shopQuery}`} className="font-medium text-brand-600 underline">API keys</Link> and read the{" "}
          <Link href="/api-docs" className="font-medium text-brand-600 underline">API reference</Link>.
        </li>
        <li>
          Ship orders from <Link href="/orders" className="font-medium text-brand-600 underline">Orders to ship</Link> when shoppers buy.
        </li>
      </ol>
    </section>
  );
}
