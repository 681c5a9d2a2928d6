// Idempotency-Key, honoured as Stripe does: the first completed response to a key is stored and
// replayed for every later request with that key for 24 hours; the same key with other
// parameters is refused. A request that fails validation stores nothing (its transaction rolls
// back), so it can be retried with the same key. Concurrent requests with one key are applied
// one after the other: the second waits on the key's row until the first commits, then replays it.
import { createHash } from "node:crypto";
import { Prisma } from "@market/db";
import type { Db } from "../../db.ts";
import { SandboxError } from "./errors.ts";
import type { FormObject } from "./form.ts";

export type StoredResponse = { status: number; body: unknown };

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export function fingerprint(method: string, path: string, params: FormObject): string {
  return createHash("sha256").update(JSON.stringify([method, path, canonical(params)])).digest("hex");
}

export type IdempotentRequest = { key: string; method: string; path: string; params: FormObject };

/**
 * The INSERT that claims the key (or one older than 24 hours, which counts as never used) and
 * returns it; nothing when another request holds it. `response` is stored with the claim when it
 * is known before anything runs (insert-only operations); otherwise a placeholder that
 * storeIdempotentResponse replaces in the same transaction.
 */
export function idempotencyClaim({ key, method, path, params }: IdempotentRequest, response: StoredResponse = { status: 0, body: null }): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "SandboxIdempotentRequest" AS r (key, method, path, fingerprint, status, body)
    VALUES (${key}, ${method}, ${path}, ${fingerprint(method, path, params)}, ${response.status}, ${JSON.stringify(response.body)}::jsonb)
    ON CONFLICT (key) DO UPDATE
       SET method = excluded.method, path = excluded.path, fingerprint = excluded.fingerprint, status = excluded.status, body = excluded.body, created = now()
     WHERE r.created < now() - interval '24 hours'
    RETURNING key`;
}

/** Claims the key for this request, or returns the response stored for it. */
export async function claimIdempotencyKey(tx: Db, request: IdempotentRequest): Promise<StoredResponse | null> {
  const claimed = await tx.$executeRaw(idempotencyClaim(request));
  if (claimed === 1) return null;
  return storedResponse(tx, request);
}

/** What an earlier request with this key answered; refused if it had other parameters. */
async function storedResponse(tx: Db, { key, method, path, params }: IdempotentRequest): Promise<StoredResponse> {
  const stored = await tx.sandboxIdempotentRequest.findUniqueOrThrow({ where: { key } });
  if (stored.fingerprint !== fingerprint(method, path, params)) {
    throw new SandboxError(400, {
      type: "idempotency_error",
      message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    });
  }
  return { status: stored.status, body: stored.body };
}

export async function storeIdempotentResponse(tx: Db, key: string, response: StoredResponse): Promise<void> {
  await tx.sandboxIdempotentRequest.update({ where: { key }, data: { status: response.status, body: response.body as Prisma.InputJsonValue } });
}
