import Link from "next/link";

/** Shown on seller pages to a signed-in account that is not a seller's. */
export function NotASeller({ email }: { email: string }) {
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col gap-3 py-16 text-center">
      <h1 className="text-2xl font-bold">This portal is for sellers</h1>
      <p className="text-muted">You are signed in as {email}, which is not a seller account.</p>
      <Link href="/sign-up" className="font-medium text-brand-600 underline">Create a seller account</Link>
    </div>
  );
}
