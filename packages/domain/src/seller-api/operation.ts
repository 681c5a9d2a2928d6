// One declaration per API operation: method, path, scopes, summary and the zod schemas of its
// params, query, body and response. The router, the request validation and the OpenAPI document
// are all derived from these, so the documentation cannot drift from what the API accepts.
import type { ApiScope } from "@market/db";
import type { z } from "zod";
import type { ApiErrorCode } from "./errors.ts";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Who is calling: the API key's shop. Services take the seller id, never a value from the body. */
export type ApiCaller = { keyId: string; sellerId: string; scopes: readonly ApiScope[]; requestId: string };

type AnyObject = z.ZodObject<z.ZodRawShape>;

export type OperationInput<P extends AnyObject | undefined, Q extends AnyObject | undefined, B extends z.ZodType | undefined> = {
  params: P extends AnyObject ? z.output<P> : Record<string, never>;
  query: Q extends AnyObject ? z.output<Q> : Record<string, never>;
  body: B extends z.ZodType ? z.output<B> : undefined;
  /** The JSON body as sent, before zod filled in defaults: PATCH needs to know which fields came. */
  rawBody: unknown;
};

export type Operation<
  P extends AnyObject | undefined = AnyObject | undefined,
  Q extends AnyObject | undefined = AnyObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> = {
  operationId: string;
  method: HttpMethod;
  /** Relative to /api/seller/v1, with `{name}` placeholders for params. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** The key must hold at least one of these; null: no key needed (the OpenAPI document). */
  scopes: readonly [ApiScope, ...ApiScope[]] | null;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  successStatus?: 200 | 201;
  /** Errors this operation can answer beyond the ones every authenticated operation can. */
  errors?: readonly ApiErrorCode[];
  handle(input: OperationInput<P, Q, B>, caller: ApiCaller): Promise<z.input<R>>;
};

/** Identity function that keeps the schemas' types flowing into `handle`. */
export function defineOperation<P extends AnyObject | undefined = undefined, Q extends AnyObject | undefined = undefined, B extends z.ZodType | undefined = undefined, R extends z.ZodType = z.ZodType>(
  operation: Operation<P, Q, B, R>,
): Operation<P, Q, B, R> {
  return operation;
}

// Type-erased form the router and the document generator work with.
export type AnyOperation = {
  [K in keyof Operation]: K extends "handle" ? (input: { params: unknown; query: unknown; body: unknown; rawBody: unknown }, caller: ApiCaller) => Promise<unknown> : Operation[K];
};
