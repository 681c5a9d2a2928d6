// The /api/trpc route handler both apps mount. CSRF is checked before tRPC sees the request.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "../root.ts";
import type { ApiContext, SessionUser } from "../context.ts";
import { cookieContext } from "./cookies.ts";
import { checkCsrf, type CsrfOptions } from "./csrf.ts";

export type TrpcRouteOptions = {
  app: ApiContext["app"];
  getUser: (request: Request) => Promise<SessionUser | null>;
  csrf: CsrfOptions;
  /** Whether the cookies procedures set (guest cart, pickup point) carry `Secure`. */
  cookies: { secure: boolean };
  onError?: (info: { path: string | undefined; error: Error; requestId: string }) => void;
};

export function createTrpcRouteHandler(options: TrpcRouteOptions) {
  return async function handle(request: Request): Promise<Response> {
    const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
    const verdict = checkCsrf(request, options.csrf);
    if (!verdict.ok) {
      return Response.json(
        { error: { message: verdict.reason, code: "FORBIDDEN", data: { code: "FORBIDDEN", httpStatus: 403 } } },
        { status: 403, headers: { "x-request-id": requestId } },
      );
    }
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: request,
      router: appRouter,
      createContext: async ({ resHeaders }): Promise<ApiContext> => ({
        user: await options.getUser(request),
        requestId,
        app: options.app,
        ...cookieContext(request, resHeaders, options.cookies),
      }),
      onError: ({ path, error }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") options.onError?.({ path, error, requestId });
      },
    });
    response.headers.set("x-request-id", requestId);
    return response;
  };
}
