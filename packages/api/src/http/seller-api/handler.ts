// /api/seller/v1/* as a fetch-API handler (the portal's catch-all route mounts it). Per request:
// route -> API key (401) -> rate limit per key (429) -> scope (403) -> params, query, body
// (404/400/413/415/422) -> Idempotency-Key (replay, 409, 422) -> the operation's domain service
// -> the response schema (which drops anything the contract does not list). Every failure
// leaves as the one JSON error shape; nothing internal reaches the caller.
import { authenticateApiKey, requireScope } from "@market/domain/sellers";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  hitApiKeyRateLimit,
  IDEMPOTENCY_HEADER,
  idempotencyScope,
  parseIdempotencyKey,
  releaseIdempotencyKey,
  requestHash,
  sellerApiRateLimit,
  SELLER_API_BASE_PATH,
  SELLER_API_OPERATIONS,
  SellerApiError,
  toSellerApiError,
  zodFieldErrors,
  type AnyOperation,
  type ApiCaller,
  type SellerApiRateLimit,
} from "@market/domain/seller-api";
import { readLimitedBody } from "../read-limited-body.ts";
import { createRouter } from "./router.ts";

type Log = (level: "info" | "warn" | "error", fields: Record<string, unknown>) => void;

const defaultLog: Log = (level, fields) => {
  const line = JSON.stringify({ level, msg: "seller api", ...fields });
  if (level === "info") console.log(line);
  else console.error(line);
};

export type SellerApiHandlerOptions = {
  /** Default: SELLER_API_RATE_LIMIT_PER_MINUTE requests per minute per key. */
  rateLimit?: SellerApiRateLimit;
  /** How long a request waits for another one running under the same Idempotency-Key. */
  idempotencyWaitMs?: number;
  maxBodyBytes?: number;
  operations?: readonly AnyOperation[];
  log?: Log;
};

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

async function readBody(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new SellerApiError("payload_too_large", `The body can be at most ${Math.floor(maxBytes / 1024)} KB. Send fewer items per request.`);
  return (await readLimitedBody(request, maxBytes, tooLarge)).toString("utf8");
}

function parseJsonBody(raw: string, request: Request): unknown {
  const type = request.headers.get("content-type");
  if (type && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new SellerApiError("unsupported_media_type", "Send the body as JSON with 'Content-Type: application/json'.");
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new SellerApiError("invalid_json", "The body is not valid JSON.");
  }
}

export function createSellerApiHandler({
  rateLimit = sellerApiRateLimit(),
  idempotencyWaitMs = 5_000,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
  operations = SELLER_API_OPERATIONS,
  log = defaultLog,
}: SellerApiHandlerOptions = {}) {
  const match = createRouter(operations);

  return async function handle(request: Request): Promise<Response> {
    const startedAt = Date.now();
    const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
    const headers: Record<string, string> = { "x-request-id": requestId, "Cache-Control": "no-store" };
    const url = new URL(request.url);
    const path = url.pathname.startsWith(SELLER_API_BASE_PATH) ? url.pathname.slice(SELLER_API_BASE_PATH.length) : url.pathname;
    const method = request.method.toUpperCase();
    let claimed: string | null = null;
    let caller: ApiCaller | null = null;

    const answer = (status: number, body: unknown, extra: Record<string, string> = {}) => {
      log(status >= 500 ? "error" : "info", { requestId, method, path, status, sellerId: caller?.sellerId, keyId: caller?.keyId, ms: Date.now() - startedAt });
      return Response.json(body, { status, headers: { ...headers, ...extra } });
    };

    try {
      const route = match(method, path);
      if (route.kind === "not_found") throw new SellerApiError("not_found", `There is no ${method} ${SELLER_API_BASE_PATH}${path}. See ${SELLER_API_BASE_PATH}/openapi.json.`);
      if (route.kind === "method_not_allowed") {
        throw new SellerApiError("method_not_allowed", `${method} is not supported here; use ${route.allow.join(" or ")}.`, undefined, { Allow: route.allow.join(", ") });
      }
      const { operation } = route;

      if (operation.scopes) {
        const principal = await authenticateApiKey(request.headers.get("authorization"));
        caller = { ...principal, requestId };
        // Counted before the scope check, so a key cannot probe forbidden operations unmetered.
        const limit = await hitApiKeyRateLimit(principal.keyId, rateLimit);
        headers["X-Ratelimit-Limit"] = String(rateLimit.limit);
        headers["X-Ratelimit-Remaining"] = String(limit.remaining);
        if (!limit.allowed) {
          throw new SellerApiError("rate_limited", `This API key made more than ${rateLimit.limit} requests in ${rateLimit.windowSeconds} seconds. Retry in ${limit.retryAfterSeconds} seconds.`, undefined, {
            "Retry-After": String(limit.retryAfterSeconds),
          });
        }
        requireScope(principal, ...operation.scopes);
      }

      // A malformed id cannot name one of the shop's resources: answered like an unknown one.
      const params = operation.params ? operation.params.safeParse(route.params) : { success: true as const, data: {} };
      if (!params.success) throw new SellerApiError("not_found", "We could not find that in your shop.");
      const query = operation.query ? operation.query.safeParse(Object.fromEntries(url.searchParams)) : { success: true as const, data: {} };
      if (!query.success) throw new SellerApiError("validation_failed", "The query string is not valid; see details.fields.", { fields: zodFieldErrors(query.error, "query") });

      let body: unknown;
      let raw = "";
      let json: unknown;
      if (operation.body) {
        raw = await readBody(request, maxBodyBytes);
        json = parseJsonBody(raw, request);
      }
      // Every POST honours the key, those without a body (order actions) too.
      const key = method === "POST" ? parseIdempotencyKey(request.headers.get(IDEMPOTENCY_HEADER)) : null;
      if (key && caller) {
        const claim = await claimIdempotencyKey(
          { scope: idempotencyScope(caller.sellerId), key, hash: requestHash(method, url.pathname + url.search, raw) },
          { waitMs: idempotencyWaitMs },
        );
        if (claim.kind === "replay") return answer(claim.answer.status, claim.answer.body, { "Idempotent-Replayed": "true" });
        claimed = claim.recordId;
      }
      if (operation.body) {
        const parsed = operation.body.safeParse(json);
        if (!parsed.success) throw new SellerApiError("validation_failed", "The request body is not valid, so nothing was changed; see details.fields.", { fields: zodFieldErrors(parsed.error) });
        body = parsed.data;
      }

      const result = await operation.handle({ params: params.data, query: query.data, body, rawBody: json }, caller ?? { keyId: "", sellerId: "", scopes: [], requestId });
      const output = operation.response.parse(result);
      const status = operation.successStatus ?? 200;
      if (claimed) await completeIdempotencyKey(claimed, { status, body: output });
      return answer(status, output);
    } catch (thrown) {
      const { error, unexpected } = toSellerApiError(thrown);
      if (unexpected) log("error", { requestId, method, path, error: thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown) });
      if (claimed) {
        // A refusal is the request's answer and is replayed; our own failure is not, so a retry runs again.
        if (error.status < 500) await completeIdempotencyKey(claimed, { status: error.status, body: error.body() }).catch(() => undefined);
        else await releaseIdempotencyKey(claimed).catch(() => undefined);
      }
      return answer(error.status, error.body(), error.headers);
    }
  };
}
