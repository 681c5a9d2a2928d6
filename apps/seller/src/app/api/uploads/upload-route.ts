// Wiring for the two upload routes: the session, and the origin the portal is served at.
import "server-only";
import { createUploadHandler, type UploadKind } from "@market/api/http";
import { getSessionUser } from "@market/auth";
import { serverEnv } from "@market/config/env";

export function uploadRoute(kind: UploadKind) {
  // Built on the first request, not at import: `next build` imports routes without a runtime env.
  let handler: ((request: Request) => Promise<Response>) | undefined;
  return (request: Request) => {
    handler ??= createUploadHandler({
      kind,
      getUser: () => getSessionUser(),
      allowedOrigins: [serverEnv().SELLER_URL],
      trustForwardedHost: serverEnv().TRUSTED_PROXY_COUNT > 0,
    });
    return handler(request);
  };
}
