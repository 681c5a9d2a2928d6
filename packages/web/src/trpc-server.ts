// Server components call procedures directly, with the same context and checks as HTTP.
import "server-only";
import { createCaller, type ApiContext } from "@market/api";
import { getSessionUser } from "@market/auth";
import { headers } from "next/headers";
import { cache } from "react";

export const serverCaller = cache(async (app: ApiContext["app"]) => {
  const requestHeaders = await headers();
  return createCaller({
    user: await getSessionUser(),
    requestId: requestHeaders.get("x-request-id") ?? crypto.randomUUID(),
    app,
  });
});
