// One pill of a filter row (status, group); the current one is marked for screen readers too.
import Link from "next/link";

export function FilterLink({ href, current, label }: { href: string; current: boolean; label: string }) {
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`rounded-full px-4 py-2 text-sm font-medium ${current ? "bg-ink text-white" : "bg-white shadow-sm hover:bg-gray-100"}`}
    >
      {label}
    </Link>
  );
}

/** Dates in the portal: "24 Nov 2026, 15:35". */
export const dateTime = (at: Date) => at.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
