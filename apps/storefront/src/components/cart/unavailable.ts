// Server components: whether a procedure failed because the database is down (the API maps
// that to SERVICE_UNAVAILABLE), so a page can render what it has instead of an error page.
import { TRPCError } from "@trpc/server";

export function isServiceUnavailable(error: unknown): boolean {
  return error instanceof TRPCError && error.code === "SERVICE_UNAVAILABLE";
}
