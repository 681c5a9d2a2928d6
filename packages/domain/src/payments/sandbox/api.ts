// The sandbox's HTTP API as plain data in and out (the storefront's route handler and the tests'
// local servers adapt it to HTTP): Stripe's paths under /v1, Bearer or Basic authentication with
// the sandbox's secret key, form-encoded parameters, Idempotency-Key on POST, Stripe's errors.
// The browser may retrieve and confirm a PaymentIntent without a key by giving its client_secret,
// as Stripe.js does with a publishable key.
import { timingSafeEqual } from "node:crypto";
import { getPrisma, Prisma } from "@market/db";
import type { Task } from "graphile-worker";
import Stripe from "stripe";
import { z } from "zod";
import { paymentConfig, type PaymentConfig } from "../config.ts";
import { SandboxError } from "./errors.ts";
import { decodeForm, type FormObject } from "./form.ts";
import { claimIdempotencyKey, idempotencyClaim, storeIdempotentResponse, type IdempotentRequest } from "./idempotency.ts";
import { newSandboxId } from "./ids.ts";
import {
  cancelPaymentIntent,
  confirmPaymentIntent,
  createPaymentIntent,
  createRefund,
  planPaymentIntent,
  retrievePaymentIntent,
  retrieveRefund,
  SANDBOX_SETTLE_TASK,
  settlePaymentIntent,
  type InsertOnlyOperation,
  type SandboxCall,
  type SandboxResult,
} from "./operations.ts";
import { processLogger } from "@market/observability/log";

export type SandboxRequest = {
  method: string;
  /** From /v1 on, e.g. "/v1/payment_intents/pi_123/confirm". */
  path: string;
  query: URLSearchParams;
  body: string;
  authorization: string | null;
  idempotencyKey: string | null;
};

export type SandboxResponse = { status: number; body: unknown; headers: Record<string, string> };

type Route = {
  method: "GET" | "POST";
  pattern: RegExp;
  /** Whether the browser may call it with the intent's client_secret instead of the key. */
  clientSecretAllowed?: boolean;
  run: (call: SandboxCall, id: string) => Promise<SandboxResult>;
  /** The same operation as one statement, for the ones that only insert (see InsertOnlyOperation). */
  insertOnly?: (call: Omit<SandboxCall, "tx">) => InsertOnlyOperation;
};

const ROUTES: Route[] = [
  { method: "POST", pattern: /^\/v1\/payment_intents$/, run: (call) => createPaymentIntent(call), insertOnly: planPaymentIntent },
  { method: "GET", pattern: /^\/v1\/payment_intents\/([A-Za-z0-9_]+)$/, clientSecretAllowed: true, run: retrievePaymentIntent },
  { method: "POST", pattern: /^\/v1\/payment_intents\/([A-Za-z0-9_]+)\/confirm$/, clientSecretAllowed: true, run: confirmPaymentIntent },
  { method: "POST", pattern: /^\/v1\/payment_intents\/([A-Za-z0-9_]+)\/cancel$/, run: cancelPaymentIntent },
  { method: "POST", pattern: /^\/v1\/refunds$/, run: (call) => createRefund(call) },
  { method: "GET", pattern: /^\/v1\/refunds\/([A-Za-z0-9_]+)$/, run: retrieveRefund },
];

function presentedKey(authorization: string | null): string | null {
  if (!authorization) return null;
  const [scheme, value = ""] = authorization.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme!)) return value;
  if (/^basic$/i.test(scheme!)) return Buffer.from(value, "base64").toString("utf8").split(":")[0] ?? "";
  return "";
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const redact = (key: string) => (key.length > 12 ? `${key.slice(0, 8)}****${key.slice(-4)}` : "****");

function errorResponse(error: SandboxError): SandboxResult {
  return { status: error.status, body: { error: error.error } };
}

export async function handleSandboxRequest(request: SandboxRequest, config: PaymentConfig = paymentConfig()): Promise<SandboxResponse> {
  const requestId = newSandboxId("req");
  const headers: Record<string, string> = { "Request-Id": requestId, "Stripe-Version": Stripe.API_VERSION, "Cache-Control": "no-store" };
  const method = request.method.toUpperCase();
  const respond = (result: SandboxResult): SandboxResponse => ({ ...result, headers });

  const route = ROUTES.find((r) => r.method === method && r.pattern.test(request.path));
  if (!route) {
    return respond({
      status: 404,
      body: { error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${request.path}). The payment sandbox implements payment_intents (create, retrieve, confirm, cancel) and refunds (create, retrieve).` } },
    });
  }
  const id = route.pattern.exec(request.path)![1] ?? "";

  let params: FormObject;
  try {
    params = decodeForm(method === "GET" ? request.query : request.body);
  } catch {
    return respond(errorResponse(new SandboxError(400, { type: "invalid_request_error", message: "The request body could not be decoded: send application/x-www-form-urlencoded parameters." })));
  }

  const key = presentedKey(request.authorization);
  let auth: SandboxCall["auth"];
  if (key === null || key === "") {
    if (!route.clientSecretAllowed || typeof params.client_secret !== "string") {
      return respond({
        status: 401,
        body: { error: { type: "invalid_request_error", message: "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')." } },
      });
    }
    auth = "client";
  } else if (sameSecret(key, config.secretKey)) {
    auth = "secret";
  } else {
    return respond({ status: 401, body: { error: { type: "invalid_request_error", message: `Invalid API Key provided: ${redact(key)}` } } });
  }

  const idempotencyKey = method === "POST" ? request.idempotencyKey?.trim() || null : null;
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  if (idempotencyKey && idempotencyKey.length > 255) {
    return respond(errorResponse(new SandboxError(400, { type: "invalid_request_error", message: "Idempotency keys are limited to 255 characters." })));
  }

  try {
    const idempotent: IdempotentRequest | null = idempotencyKey ? { key: idempotencyKey, method, path: request.path, params } : null;
    const now = new Date();
    if (route.insertOnly) {
      const operation = route.insertOnly({ params, auth, origin: { requestId, idempotencyKey }, now, config });
      if (await writeInsertOnly(operation, idempotent)) return respond(operation.result);
      // The key was used before: the transaction below replays (or refuses) what it answered then.
    }
    const result = await getPrisma().$transaction(
      async (tx) => {
        const call: SandboxCall = { tx, params, auth, origin: { requestId, idempotencyKey }, now, config };
        if (!idempotent) return { ...(await route.run(call, id)), replayed: false };
        const stored = await claimIdempotencyKey(tx, idempotent);
        if (stored) return { ...stored, replayed: true };
        const fresh = await route.run(call, id);
        await storeIdempotentResponse(tx, idempotent.key, fresh);
        return { ...fresh, replayed: false };
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
    if (result.replayed) headers["Idempotent-Replayed"] = "true";
    return respond({ status: result.status, body: result.body });
  } catch (error) {
    if (error instanceof SandboxError) return respond(errorResponse(error));
    processLogger().error({ requestId, path: request.path, error: String(error) }, "payment sandbox request failed");
    return respond({ status: 500, body: { error: { type: "api_error", message: "An unknown error occurred in the payment sandbox." } } });
  }
}

/**
 * The claim of the Idempotency-Key (with the answer it will replay) and the operation's inserts
 * in one statement, the inserts written only if the claim was won. False when the key was
 * claimed before: nothing was written.
 */
async function writeInsertOnly(operation: InsertOnlyOperation, request: IdempotentRequest | null): Promise<boolean> {
  const claim = request ? idempotencyClaim(request, operation.result) : Prisma.sql`SELECT 'no key'`;
  const inserts = operation.inserts(Prisma.sql`EXISTS (SELECT 1 FROM claim)`).map((insert, i) => Prisma.sql`${Prisma.raw(`insert${i}`)} AS (${insert})`);
  const [row] = await getPrisma().$queryRaw<{ claimed: number }[]>`
    WITH claim AS (${claim}), ${Prisma.join(inserts, ", ")}
    SELECT count(*)::int AS claimed FROM claim`;
  return row!.claimed > 0;
}

const settlePayload = z.object({ paymentIntentId: z.string().min(1) });

/** The slow test card's clock: completes the processing payment when its time comes. */
export const settleSandboxPaymentIntentTask: Task = async (payload, helpers) => {
  const { paymentIntentId } = settlePayload.parse(payload);
  const status = await getPrisma().$transaction((tx) => settlePaymentIntent(tx, paymentIntentId));
  helpers.logger.info(`payment sandbox: ${paymentIntentId} is ${status}`);
};

export { SANDBOX_SETTLE_TASK };
