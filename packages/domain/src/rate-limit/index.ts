// Fixed-window rate limits kept in PostgreSQL, so every app instance shares the same counts.
// Each change is one atomic upsert: concurrent requests cannot both slip under the limit.
import { getPrisma } from "@market/db";

export type RateLimitBucket = { key: string; limit: number; windowSeconds: number };
export type RateLimitState = { allowed: boolean; count: number; remaining: number; retryAfterSeconds: number };

type Row = { count: number; windowStart: Date };

function toState(bucket: RateLimitBucket, row: Row | undefined, now: Date): RateLimitState {
  const windowEnd = row ? row.windowStart.getTime() + bucket.windowSeconds * 1000 : now.getTime();
  const live = row && windowEnd > now.getTime();
  const count = live ? row.count : 0;
  return {
    allowed: count < bucket.limit,
    count,
    remaining: Math.max(0, bucket.limit - count),
    retryAfterSeconds: live ? Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)) : 0,
  };
}

/** Reads the bucket without counting. */
export async function checkRateLimit(bucket: RateLimitBucket, now = new Date()): Promise<RateLimitState> {
  const row = await getPrisma().rateLimitBucket.findUnique({ where: { key: bucket.key } });
  return toState(bucket, row ?? undefined, now);
}

/** Counts one event and returns the state after it. */
export async function hitRateLimit(bucket: RateLimitBucket, now = new Date()): Promise<RateLimitState> {
  const rows = await getPrisma().$queryRaw<Row[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
    VALUES (${bucket.key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${now}::timestamp - make_interval(secs => ${bucket.windowSeconds})
                     THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${now}::timestamp - make_interval(secs => ${bucket.windowSeconds})
                     THEN ${now} ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count", "windowStart"`;
  const state = toState(bucket, rows[0], now);
  return { ...state, allowed: state.count <= bucket.limit };
}

export async function resetRateLimit(key: string): Promise<void> {
  await getPrisma().rateLimitBucket.deleteMany({ where: { key } });
}
