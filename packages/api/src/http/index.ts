export { createTrpcRouteHandler, type TrpcRouteOptions } from "./trpc-route.ts";
export { checkCsrf, type CsrfOptions, type CsrfVerdict } from "./csrf.ts";
export { readCookie, serializeCookie } from "./cookies.ts";
export { createStripeWebhookHandler } from "./stripe-webhook.ts";
export { createWarehouseWebhookHandler } from "./warehouse-webhook.ts";
export { createPaymentSandboxHandler } from "./payment-sandbox.ts";
export { createSellerApiHandler, type SellerApiHandlerOptions } from "./seller-api/handler.ts";
export { createUploadHandler, type UploadHandlerOptions, type UploadKind, type UploadResult } from "./uploads/handler.ts";
export { createExportHandler, type ExportHandlerOptions, type ExportKind } from "./exports/handler.ts";
