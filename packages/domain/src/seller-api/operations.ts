// Every operation of the Seller REST API, declared once. Handlers are one call to a domain
// service with the key's seller id: the services are the ones the portal uses too.
import { ApiScope } from "@market/db";
import { z } from "zod";
import { defineOperation, type AnyOperation } from "./operation.ts";
import {
  cancelOrderBody,
  cancelSellerOrder,
  confirmSellerOrder,
  deliverSellerOrder,
  getSellerOrder,
  listOrdersQuery,
  listSellerOrders,
  orderDetailSchema,
  orderIdParams,
  orderListSchema,
  packSellerOrder,
  shipOrderBody,
  shipSellerOrder,
} from "./orders.ts";
import { priceResultSchema, setPrices, setPricesBody } from "./prices.ts";
import { getSellerProduct, listProductsQuery, listSellerProducts, productIdParams, productListSchema, productSchema } from "./products.ts";
import {
  archiveSellerProduct,
  createProductBody,
  createSellerProduct,
  publishSellerProduct,
  unpublishSellerProduct,
  updateProductBody,
  updateSellerProduct,
} from "./product-writes.ts";
import { setStockLevels, setStocksBody, stockResultSchema } from "./stocks.ts";

export const SELLER_API_BASE_PATH = "/api/seller/v1";

const listProducts = defineOperation({
  operationId: "listProducts",
  method: "GET",
  path: "/products",
  tag: "Products",
  summary: "List your products",
  description: "Your shop's product cards in every status, with variants (SKU, barcode, size, colour), prices and stock per warehouse. Oldest first, up to `limit` per page.",
  scopes: [ApiScope.READ],
  query: listProductsQuery,
  response: productListSchema,
  handle: ({ query }, caller) => listSellerProducts(caller.sellerId, query),
});

const getProduct = defineOperation({
  operationId: "getProduct",
  method: "GET",
  path: "/products/{id}",
  tag: "Products",
  summary: "Get one of your products",
  scopes: [ApiScope.READ],
  params: productIdParams,
  response: productSchema,
  errors: ["not_found"],
  handle: ({ params }, caller) => getSellerProduct(caller.sellerId, params.id),
});

const WRITE_ERRORS = ["not_found", "invalid_json", "validation_failed", "conflict", "idempotency_key_reused", "request_in_progress", "payload_too_large"] as const;

const createProduct = defineOperation({
  operationId: "createProduct",
  method: "POST",
  path: "/products",
  tag: "Products",
  summary: "Create a product card (as a draft)",
  description:
    "The same rules as the portal's product form: a category and its characteristics, one variant per size and colour with a SKU unique in the marketplace, prices in minor units, stock per warehouse (a marketplace warehouse or one of your own), up to 10 images uploaded beforehand. Every problem is listed in `details.fields` (e.g. `variants.1.sku`). Fields you do not own (sellerId, status, rating, soldCount, popularity, minPriceMinor) are refused.",
  scopes: [ApiScope.CATALOG_WRITE],
  body: createProductBody,
  response: productSchema,
  successStatus: 201,
  errors: WRITE_ERRORS,
  handle: ({ body }, caller) => createSellerProduct(caller.sellerId, body),
});

const updateProduct = defineOperation({
  operationId: "updateProduct",
  method: "PATCH",
  path: "/products/{id}",
  tag: "Products",
  summary: "Change a product card",
  description: "Send only the fields to change. The card is checked as a whole afterwards, with the same rules as on creation; a published card must stay publishable.",
  scopes: [ApiScope.CATALOG_WRITE],
  params: productIdParams,
  body: updateProductBody,
  response: productSchema,
  errors: WRITE_ERRORS,
  handle: ({ params, body, rawBody }, caller) =>
    updateSellerProduct(caller.sellerId, params.id, body, rawBody && typeof rawBody === "object" ? Object.keys(rawBody) : []),
});

const productAction = (action: "publish" | "unpublish" | "archive", summary: string, description: string, run: (sellerId: string, productId: string) => Promise<unknown>) =>
  defineOperation({
    operationId: `${action}Product`,
    method: "POST",
    path: `/products/{id}/${action}`,
    tag: "Products",
    summary,
    description,
    scopes: [ApiScope.CATALOG_WRITE],
    params: productIdParams,
    response: productSchema,
    errors: ["not_found", "conflict", "validation_failed", "idempotency_key_reused", "request_in_progress"],
    handle: ({ params }, caller) => run(caller.sellerId, params.id) as Promise<z.input<typeof productSchema>>,
  });

const publishProduct = productAction(
  "publish",
  "Publish a product (status active)",
  "Shoppers can find and buy it. Refused with 422 and the reasons in `details.fields` while the card is incomplete (no price, no picture, a required characteristic missing). Publishing a published card changes nothing; an archived one answers 409.",
  publishSellerProduct,
);
const unpublishProduct = productAction("unpublish", "Unpublish a product (status inactive)", "Hidden from shoppers, kept for later. Also restores an archived product as inactive.", unpublishSellerProduct);
const archiveProduct = productAction("archive", "Archive a product", "Hidden from shoppers and from your product list; kept for the order history.", archiveSellerProduct);

const updateStocks = defineOperation({
  operationId: "updateStocks",
  method: "POST",
  path: "/stocks",
  tag: "Stock and prices",
  summary: "Set stock per warehouse, up to 1,000 items",
  description:
    "Sets the units on hand of each SKU in each warehouse (a marketplace warehouse or one of your own). The batch is validated as a whole: if any item is invalid the answer is 422 with a message per item in `details.fields` (e.g. `stocks.3.quantity`) and nothing is changed; otherwise every item is applied in one transaction. A quantity below the units reserved for orders is refused.",
  scopes: [ApiScope.STOCK_PRICES_WRITE],
  body: setStocksBody,
  response: stockResultSchema,
  errors: ["invalid_json", "validation_failed", "idempotency_key_reused", "request_in_progress", "payload_too_large"],
  handle: ({ body }, caller) => setStockLevels(caller.sellerId, body),
});

const updatePrices = defineOperation({
  operationId: "updatePrices",
  method: "POST",
  path: "/prices",
  tag: "Stock and prices",
  summary: "Set prices, up to 1,000 SKUs",
  description:
    "Sets each SKU's price and, optionally, its crossed-out price before the discount (`compareAtMinor`, above the price; `null` removes the discount, omitted keeps it). Amounts are whole minor units of the SKU's currency. Validated as a whole and applied in one transaction, like stock.",
  scopes: [ApiScope.STOCK_PRICES_WRITE],
  body: setPricesBody,
  response: priceResultSchema,
  errors: ["invalid_json", "validation_failed", "idempotency_key_reused", "request_in_progress", "payload_too_large"],
  handle: ({ body }, caller) => setPrices(caller.sellerId, body),
});

const listOrders = defineOperation({
  operationId: "listOrders",
  method: "GET",
  path: "/orders",
  tag: "Orders",
  summary: "List your orders",
  description:
    "Your shop's parts of paid orders, newest first, optionally filtered by your status (`status=new` for orders still to confirm) or by the platform's delivery status.",
  scopes: [ApiScope.READ, ApiScope.ORDERS],
  query: listOrdersQuery,
  response: orderListSchema,
  handle: ({ query }, caller) => listSellerOrders(caller.sellerId, query),
});

const getOrder = defineOperation({
  operationId: "getOrder",
  method: "GET",
  path: "/orders/{id}",
  tag: "Orders",
  summary: "Get one of your orders",
  description: "The order part with its lines. `shipping` (recipient and address) is filled only for parts you ship from your own warehouse.",
  scopes: [ApiScope.READ, ApiScope.ORDERS],
  params: orderIdParams,
  response: orderDetailSchema,
  errors: ["not_found"],
  handle: ({ params }, caller) => getSellerOrder(caller.sellerId, params.id),
});

const OWN_WAREHOUSE_NOTE = "Only for parts shipped from your own warehouse (`warehouse.kind` = `seller`); the marketplace's warehouse reports its parts itself (409 otherwise). Steps only move forwards: a step already taken answers 409 with where the parcel is.";

const confirmOrder = defineOperation({
  operationId: "confirmOrder",
  method: "POST",
  path: "/orders/{id}/confirm",
  tag: "Orders",
  summary: "Confirm an order (new -> confirmed)",
  description: "Says you have seen the order and will fulfil it: your status moves from `new` to `confirmed`. Confirming a confirmed or complete order changes nothing; a cancelled one answers 409.",
  scopes: [ApiScope.ORDERS],
  params: orderIdParams,
  response: orderDetailSchema,
  errors: ["not_found", "conflict", "idempotency_key_reused", "request_in_progress"],
  handle: ({ params }, caller) => confirmSellerOrder(caller.sellerId, params.id),
});

const packOrder = defineOperation({
  operationId: "packOrder",
  method: "POST",
  path: "/orders/{id}/pack",
  tag: "Orders",
  summary: "Mark a parcel packed",
  description: `The delivery status moves to \`packed\`. ${OWN_WAREHOUSE_NOTE}`,
  scopes: [ApiScope.ORDERS],
  params: orderIdParams,
  response: orderDetailSchema,
  errors: ["not_found", "conflict", "idempotency_key_reused", "request_in_progress"],
  handle: ({ params }, caller) => packSellerOrder(caller.sellerId, params.id, { requestId: caller.requestId }),
});

const shipOrder = defineOperation({
  operationId: "shipOrder",
  method: "POST",
  path: "/orders/{id}/ship",
  tag: "Orders",
  summary: "Mark a parcel shipped, with its tracking number",
  description: `The delivery status moves to \`shipped\` and the shopper sees the tracking number. ${OWN_WAREHOUSE_NOTE}`,
  scopes: [ApiScope.ORDERS],
  params: orderIdParams,
  body: shipOrderBody,
  response: orderDetailSchema,
  errors: ["not_found", "conflict", "invalid_json", "validation_failed", "idempotency_key_reused", "request_in_progress"],
  handle: ({ params, body }, caller) => shipSellerOrder(caller.sellerId, params.id, body, { requestId: caller.requestId }),
});

const deliverOrder = defineOperation({
  operationId: "deliverOrder",
  method: "POST",
  path: "/orders/{id}/deliver",
  tag: "Orders",
  summary: "Mark a parcel delivered",
  description: `The delivery status moves to \`delivered\` and your status to \`complete\`. The parcel must have been shipped first. ${OWN_WAREHOUSE_NOTE}`,
  scopes: [ApiScope.ORDERS],
  params: orderIdParams,
  response: orderDetailSchema,
  errors: ["not_found", "conflict", "idempotency_key_reused", "request_in_progress"],
  handle: ({ params }, caller) => deliverSellerOrder(caller.sellerId, params.id, { requestId: caller.requestId }),
});

const cancelOrder = defineOperation({
  operationId: "cancelOrder",
  method: "POST",
  path: "/orders/{id}/cancel",
  tag: "Orders",
  summary: "Cancel a parcel you cannot supply",
  description:
    "Cancels your part of the order before it has shipped, from any warehouse: your status and the delivery status become `cancelled`, the units go back on sale, the shopper is told and refunded this parcel's price. The rest of the order goes on. Cancelling a cancelled parcel changes nothing; a shipped or delivered one answers 409.",
  scopes: [ApiScope.ORDERS],
  params: orderIdParams,
  body: cancelOrderBody,
  response: orderDetailSchema,
  errors: ["not_found", "conflict", "invalid_json", "validation_failed", "idempotency_key_reused", "request_in_progress"],
  handle: ({ params, body }, caller) => cancelSellerOrder(caller.sellerId, params.id, body, { requestId: caller.requestId }),
});

const getOpenApiDocument = defineOperation({
  operationId: "getOpenApiDocument",
  method: "GET",
  path: "/openapi.json",
  tag: "Reference",
  summary: "This API's OpenAPI 3.1 document",
  description: "Served without an API key.",
  scopes: null,
  response: z.record(z.string(), z.unknown()),
  // Imported lazily: the document is built from this very list.
  handle: async () => (await import("./openapi.ts")).buildOpenApiDocument(),
});

export const SELLER_API_OPERATIONS: readonly AnyOperation[] = [
  listProducts,
  getProduct,
  createProduct,
  updateProduct,
  publishProduct,
  unpublishProduct,
  archiveProduct,
  updateStocks,
  updatePrices,
  listOrders,
  getOrder,
  confirmOrder,
  packOrder,
  shipOrder,
  deliverOrder,
  cancelOrder,
  getOpenApiDocument,
] as unknown as AnyOperation[];
