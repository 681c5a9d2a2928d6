// The Seller REST API's framework-free core: operation declarations, scope rules, idempotency,
// rate limits, the error shape and the OpenAPI document. The HTTP handler in @market/api adapts
// it to fetch Requests; the bulk stock and price services are shared with the portal.
export { API_ERROR_CODES, SellerApiError, toSellerApiError, zodFieldErrors, INTERNAL_ERROR_MESSAGE, type ApiErrorBody, type ApiErrorCode, type ApiErrorDetails } from "./errors.ts";
export { defineOperation, type AnyOperation, type ApiCaller, type HttpMethod, type Operation } from "./operation.ts";
export { SELLER_API_BASE_PATH, SELLER_API_OPERATIONS } from "./operations.ts";
export { buildOpenApiDocument } from "./openapi.ts";
export {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
  idempotencyScope,
  parseIdempotencyKey,
  pruneIdempotencyRecords,
  pruneIdempotencyRecordsTask,
  PRUNE_IDEMPOTENCY_RECORDS_CRONTAB,
  PRUNE_IDEMPOTENCY_RECORDS_TASK,
  requestHash,
  IDEMPOTENCY_HEADER,
  type IdempotencyClaim,
  type StoredAnswer,
} from "./idempotency.ts";
export { DEFAULT_SELLER_API_RATE_LIMIT, hitApiKeyRateLimit, sellerApiRateLimit, type SellerApiRateLimit } from "./rate-limit.ts";
export { MAX_BATCH_ITEMS } from "./batch.ts";
export { setStockLevels, setStocksBody, type SetStocksInput, type SetStocksResult } from "./stocks.ts";
export { setPrices, setPricesBody, type SetPricesInput, type SetPricesResult } from "./prices.ts";
export { getSellerProduct, listSellerProducts, type ApiProduct } from "./products.ts";
export { getSellerOrder, listSellerOrders, type ApiOrderDetail, type ApiOrderSummary } from "./orders.ts";
