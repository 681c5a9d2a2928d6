// The OpenAPI 3.1 document, generated from the operation declarations (zod 4's toJSONSchema
// turns the same schemas that validate requests into JSON Schema 2020-12, which OpenAPI 3.1
// uses as is). Served at /api/seller/v1/openapi.json and rendered by the portal's reference page.
import { z } from "zod";
import { API_ERROR_CODES, type ApiErrorCode } from "./errors.ts";
import type { AnyOperation } from "./operation.ts";
import { SELLER_API_BASE_PATH, SELLER_API_OPERATIONS } from "./operations.ts";
import { sellerApiRateLimit } from "./rate-limit.ts";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as JsonSchema;
  return rest;
}

/** Errors any operation that needs a key can answer. */
const AUTHENTICATED_ERRORS: readonly ApiErrorCode[] = ["unauthorized", "forbidden", "rate_limited", "internal_error", "unavailable"];

const errorSchema: JsonSchema = {
  type: "object",
  required: ["error"],
  additionalProperties: false,
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      additionalProperties: false,
      properties: {
        code: { type: "string", enum: Object.keys(API_ERROR_CODES), description: "Stable, machine-readable; branch on this, not on the message" },
        message: { type: "string", description: "A sentence for a person" },
        details: {
          type: "object",
          properties: {
            fields: {
              type: "object",
              additionalProperties: { type: "string" },
              description: "One message per invalid field or batch item, keyed by its path, e.g. `stocks.3.quantity`",
            },
          },
        },
      },
    },
  },
};

const rateLimitHeaders = {
  "X-Ratelimit-Remaining": { $ref: "#/components/headers/X-Ratelimit-Remaining" },
};

function parameters(operation: AnyOperation): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [location, schema] of [["path", operation.params], ["query", operation.query]] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      const { description, ...propertySchema } = property;
      out.push({
        name,
        in: location,
        required: location === "path" || (object.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: propertySchema,
      });
    }
  }
  if (operation.method === "POST" && operation.scopes) {
    out.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "Any unique string (a UUID) per logical request. A retry with the same key and body gets the first answer again (with `Idempotent-Replayed: true`) instead of applying twice. Kept for 24 hours.",
      schema: { type: "string", minLength: 1, maxLength: 255 },
    });
  }
  return out;
}

function responses(operation: AnyOperation): JsonSchema {
  const out: JsonSchema = {
    [String(operation.successStatus ?? 200)]: {
      description: "Success",
      ...(operation.scopes ? { headers: rateLimitHeaders } : {}),
      content: { "application/json": { schema: jsonSchema(operation.response, "output") } },
    },
  };
  const codes = [...(operation.scopes ? AUTHENTICATED_ERRORS : []), ...(operation.errors ?? [])];
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of codes) {
    const status = API_ERROR_CODES[code].status;
    byStatus.set(status, [...new Set([...(byStatus.get(status) ?? []), code])]);
  }
  for (const [status, statusCodes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const headers: JsonSchema = { ...rateLimitHeaders };
    if (statusCodes.includes("rate_limited") || statusCodes.includes("unavailable") || statusCodes.includes("request_in_progress")) {
      headers["Retry-After"] = { $ref: "#/components/headers/Retry-After" };
    }
    out[String(status)] = {
      description: statusCodes.map((code) => `\`${code}\`: ${API_ERROR_CODES[code].description}`).join(" "),
      headers,
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return out;
}

function operationObject(operation: AnyOperation): JsonSchema {
  const scopeNote = operation.scopes ? `Scope: ${operation.scopes.join(" or ")}.` : "No API key needed.";
  return {
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: [operation.description, scopeNote].filter(Boolean).join("\n\n"),
    ...(operation.scopes ? { security: [{ bearerAuth: [] }], "x-scopes": [...operation.scopes] } : { security: [] }),
    parameters: parameters(operation),
    ...(operation.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(operation.body, "input") } } } }
      : {}),
    responses: responses(operation),
  };
}

const documentDescription = ({ limit, windowSeconds }: { limit: number; windowSeconds: number }) => `Run your shop from a script: products, stock per warehouse, prices and orders.

**Authentication.** Create a key in the seller portal (API keys) and send it as \`Authorization: Bearer <key>\`. Without a valid key the answer is 401; a key without the operation's scope gets 403. Scopes: READ (read products and orders), STOCK_PRICES_WRITE (bulk stock and price updates), ORDERS (read orders and act on them), CATALOG_WRITE (create and update products). Write scopes do not include READ.

**Errors** are JSON \`{"error": {"code", "message", "details"?}}\` with a stable \`code\`; \`details.fields\` names each invalid field or batch item.

**Rate limits.** ${limit} requests per ${windowSeconds} s per key. Every answer carries \`X-Ratelimit-Remaining\`; over the limit the answer is 429 with \`Retry-After\` (seconds).

**Idempotency.** Send \`Idempotency-Key\` on POST to make retries safe.

Money is in whole minor units (kopecks for RUB) next to its currency.`;

let cached: JsonSchema | undefined;

export function buildOpenApiDocument(operations: readonly AnyOperation[] = SELLER_API_OPERATIONS): JsonSchema {
  if (operations === SELLER_API_OPERATIONS && cached) return cached;
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of operations) {
    (paths[operation.path] ??= {})[operation.method.toLowerCase()] = operationObject(operation);
  }
  const document: JsonSchema = {
    openapi: "3.1.0",
    info: { title: "Marketplace Seller API", version: "1.0.0", description: documentDescription(sellerApiRateLimit()) },
    servers: [{ url: SELLER_API_BASE_PATH }],
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A seller API key from the portal: `Authorization: Bearer mk_live_…`" },
      },
      schemas: { Error: errorSchema },
      headers: {
        "X-Ratelimit-Remaining": { description: "Requests this key may still make in the current window", schema: { type: "integer", minimum: 0 } },
        "Retry-After": { description: "Seconds to wait before retrying", schema: { type: "integer", minimum: 1 } },
      },
    },
    "x-error-codes": Object.fromEntries(Object.entries(API_ERROR_CODES).map(([code, { status, description }]) => [code, { status, description }])),
  };
  if (operations === SELLER_API_OPERATIONS) cached = document;
  return document;
}
