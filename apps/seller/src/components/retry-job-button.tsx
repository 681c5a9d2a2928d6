"use client";
import { Button } from "@market/ui";
import { describeError, useTRPC } from "@market/web/trpc-client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

export function RetryJobButton({ id, task }: { id: string; task: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const retry = useMutation(trpc.admin.retryJob.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="flex flex-col items-end gap-1">
      <Button type="button" variant="secondary" busy={retry.isPending} aria-label={`Retry ${task} job ${id}`} onClick={() => retry.mutate({ id })}>
        Retry now
      </Button>
      {retry.error ? <p role="alert" className="text-xs text-red-700">{describeError(retry.error).message}</p> : null}
    </div>
  );
}
