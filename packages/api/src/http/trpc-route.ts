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
  /**
   * How long browsers and shared caches (a CDN) may keep the answers of PUBLIC_QUERIES asked by a
   * shopper who is not signed in; 0 or unset: never. Every other answer says `private, no-store`.
   */
  publicMaxAgeSeconds?: number;
};

/**
 * Queries whose answer is the same for every caller and sets no cookie: the catalogue as anyone
 * sees it. Only these may be kept by caches shared between people.
 */
export const PUBLIC_QUERIES: ReadonlySet<string> = new Set([
  "catalog.categories",
  "catalog.category",
  "catalog.products",
  "catalog.productsByIds",
  "search.search",
  "search.suggest",
  "sellers.profile",
]);

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
      responseMeta: ({ ctx, paths, type, errors }) => {
        const maxAge = options.publicMaxAgeSeconds ?? 0;
        const shared =
          maxAge > 0 &&
          request.method === "GET" &&
          type === "query" &&
          errors.length === 0 &&
          ctx?.user === null &&
          (paths ?? []).length > 0 &&
          (paths ?? []).every((path) => PUBLIC_QUERIES.has(path));
        return { headers: { "Cache-Control": shared ? `public, max-age=${maxAge}` : "private, no-store" } };
      },
    });
    response.headers.set("x-request-id", requestId);
    // A cookie is always someone's own: such an answer is never shared, whatever its procedure.
    if (response.headers.has("set-cookie")) response.headers.set("Cache-Control", "private, no-store");
    return response;
  };
}
