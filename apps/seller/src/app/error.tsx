"use client";
import { Button } from "@market/ui";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="text-muted">We could not load this page. Please try again in a moment.</p>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
