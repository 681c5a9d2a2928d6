// The Idempotency-Key header of the Seller API: a script that retries a POST after a timeout
// gets the first attempt's answer instead of applying it twice. Records live in PostgreSQL
// (IdempotencyRecord), so every app instance sees them.
//
// claim -> run -> complete: the first request with a key inserts the record (the unique index
// picks one winner among concurrent ones), runs, and stores its answer. Later requests with the
// same key and the same request get that answer replayed; with a different request they are
// refused; while the first is still running they wait a little, then are told to retry.
import { createHash } from "node:crypto";
import { getPrisma, Prisma } from "@market/db";
import type { Task } from "graphile-worker";
import { SellerApiError } from "./errors.ts";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** Answers are kept for a day, like Stripe's; after that the key may be used afresh. */
const RETENTION_MS = 24 * 60 * 60 * 1000;
/** A claim this old without an answer belongs to a crashed request: the next one may take over. */
const ABANDONED_AFTER_MS = 2 * 60 * 1000;

export type StoredAnswer = { status: number; body: unknown };
export type IdempotencyClaim = { kind: "claimed"; recordId: string } | { kind: "replay"; answer: StoredAnswer };

export const idempotencyScope = (sellerId: string) => `seller-api:${sellerId}`;

export function requestHash(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method.toUpperCase()}\n${path}\n${body}`, "utf8").digest("hex");
}

export function parseIdempotencyKey(raw: string | null): string | null {
  if (raw === null) return null;
  const key = raw.trim();
  if (!KEY_PATTERN.test(key)) {
    throw new SellerApiError("validation_failed", "The Idempotency-Key header must be 1 to 255 printable ASCII characters.", { fields: { [IDEMPOTENCY_HEADER]: "1 to 255 printable ASCII characters" } });
  }
  return key;
}

type Row = { id: string; requestHash: string; responseStatus: number | null; responseBody: unknown; createdAt: Date };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Claims the key for this request, or returns the answer to replay. Throws 422
 * idempotency_key_reused for another request under the same key, and 409 request_in_progress
 * when the first request is still running after `waitMs`.
 */
export async function claimIdempotencyKey(
  { scope, key, hash }: { scope: string; key: string; hash: string },
  { waitMs = 5_000, pollMs = 100 }: { waitMs?: number; pollMs?: number } = {},
): Promise<IdempotencyClaim> {
  const prisma = getPrisma();
  const deadline = Date.now() + waitMs;
  for (;;) {
    // Times are written from here, as Prisma writes them (UTC), so ages compare correctly.
    const inserted = await prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO "IdempotencyRecord" (id, scope, key, "requestHash", "createdAt")
      VALUES (gen_random_uuid(), ${scope}, ${key}, ${hash}, ${new Date()}::timestamp)
      ON CONFLICT (scope, key) DO NOTHING
      RETURNING id`;
    if (inserted[0]) return { kind: "claimed", recordId: inserted[0].id };

    const [row] = await prisma.$queryRaw<Row[]>`
      SELECT id, "requestHash", "responseStatus", "responseBody", "createdAt" FROM "IdempotencyRecord" WHERE scope = ${scope} AND key = ${key}`;
    if (!row) continue; // released between the two statements: try to claim again
    const age = Date.now() - row.createdAt.getTime();
    if (age > RETENTION_MS || (row.responseStatus === null && age > ABANDONED_AFTER_MS)) {
      // Expired or abandoned: take it over, unless another request just did.
      const taken = await prisma.$queryRaw<{ id: string }[]>`
        UPDATE "IdempotencyRecord" SET "requestHash" = ${hash}, "responseStatus" = NULL, "responseBody" = NULL, "createdAt" = ${new Date()}::timestamp
         WHERE id = ${row.id}::uuid AND "createdAt" = ${row.createdAt}::timestamp
        RETURNING id`;
      if (taken[0]) return { kind: "claimed", recordId: taken[0].id };
      continue;
    }
    if (row.requestHash !== hash) {
      throw new SellerApiError("idempotency_key_reused", "This Idempotency-Key was already used for a different request. Use a new key for a new request.");
    }
    if (row.responseStatus !== null) return { kind: "replay", answer: { status: row.responseStatus, body: row.responseBody } };
    if (Date.now() >= deadline) {
      throw new SellerApiError("request_in_progress", "A request with this Idempotency-Key is still being processed. Retry in a few seconds to get its result.", undefined, { "Retry-After": "2" });
    }
    await sleep(pollMs);
  }
}

/** Stores the answer to replay for the key. */
export async function completeIdempotencyKey(recordId: string, answer: StoredAnswer): Promise<void> {
  await getPrisma().idempotencyRecord.update({
    where: { id: recordId },
    data: { responseStatus: answer.status, responseBody: (answer.body ?? Prisma.JsonNull) as Prisma.InputJsonValue },
  });
}

/** Gives the key back (the request failed on our side), so a retry runs again instead of replaying a failure. */
export async function releaseIdempotencyKey(recordId: string): Promise<void> {
  await getPrisma().idempotencyRecord.deleteMany({ where: { id: recordId, responseStatus: null } });
}

/**
 * Deletes records past their 24 hours (a claim takes an expired one over anyway; this keeps the
 * table from growing with keys nobody reuses). In batches, so a large backlog never holds a long
 * lock; returns how many were deleted.
 */
export async function pruneIdempotencyRecords({ now = new Date(), batchSize = 5_000 }: { now?: Date; batchSize?: number } = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - RETENTION_MS);
  let total = 0;
  for (;;) {
    const deleted = await getPrisma().$executeRaw`
      DELETE FROM "IdempotencyRecord" WHERE id IN (
        SELECT id FROM "IdempotencyRecord" WHERE "createdAt" < ${cutoff}::timestamp ORDER BY "createdAt" LIMIT ${batchSize})`;
    total += deleted;
    if (deleted < batchSize) return total;
  }
}

// (A cron task's name may not contain dots.)
export const PRUNE_IDEMPOTENCY_RECORDS_TASK = "seller-api:prune-idempotency";
/** graphile-worker crontab line: daily at 03:17 UTC, a quiet hour off the round minute. */
export const PRUNE_IDEMPOTENCY_RECORDS_CRONTAB = `17 3 * * * ${PRUNE_IDEMPOTENCY_RECORDS_TASK} ?max=1`;

export const pruneIdempotencyRecordsTask: Task = async (_payload, helpers) => {
  const deleted = await pruneIdempotencyRecords();
  helpers.logger.info(`seller api: pruned ${deleted} idempotency records older than 24 hours`);
};
