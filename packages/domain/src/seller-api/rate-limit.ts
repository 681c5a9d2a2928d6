// Requests per API key per window, counted in PostgreSQL (RateLimitBucket) so every instance of
// the portal shares one count per key. The limit per minute is SELLER_API_RATE_LIMIT_PER_MINUTE.
import { sellerApiEnv } from "@market/config/env";
import { hitRateLimit, type RateLimitState } from "../rate-limit/index.ts";

export type SellerApiRateLimit = { limit: number; windowSeconds: number };
export const DEFAULT_SELLER_API_RATE_LIMIT: SellerApiRateLimit = { limit: 120, windowSeconds: 60 };

/** The configured limit, read from the environment at call time; throws EnvError on a bad value. */
export function sellerApiRateLimit(source: Record<string, string | undefined> = process.env): SellerApiRateLimit {
  return { limit: sellerApiEnv(source).SELLER_API_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 };
}

export function hitApiKeyRateLimit(keyId: string, { limit, windowSeconds }: SellerApiRateLimit = DEFAULT_SELLER_API_RATE_LIMIT, now = new Date()): Promise<RateLimitState> {
  return hitRateLimit({ key: `seller-api:key:${keyId}`, limit, windowSeconds }, now);
}
