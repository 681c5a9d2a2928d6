// Every operation of the Seller REST API, declared once. Handlers are one call to a domain
// service with the key's seller id: the services are the ones the portal uses too.
import { ApiScope } from "@market/db";
import { z } from "zod";
import { defineOperation, type AnyOperation } from "./operation.ts";
import { getSellerOrder, listOrdersQuery, listSellerOrders, orderDetailSchema, orderIdParams, orderListSchema } from "./orders.ts";
import { priceResultSchema, setPrices, setPricesBody } from "./prices.ts";
import { getSellerProduct, listProductsQuery, listSellerProducts, productIdParams, productListSchema, productSchema } from "./products.ts";
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

export const SELLER_API_OPERATIONS: readonly AnyOperation[] = [listProducts, getProduct, updateStocks, updatePrices, listOrders, getOrder, getOpenApiDocument] as unknown as AnyOperation[];
