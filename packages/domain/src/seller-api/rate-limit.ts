// Requests per API key per window, counted in PostgreSQL (RateLimitBucket) so every instance of
// the portal shares one count per key.
import { hitRateLimit, type RateLimitState } from "../rate-limit/index.ts";

export type SellerApiRateLimit = { limit: number; windowSeconds: number };
export const DEFAULT_SELLER_API_RATE_LIMIT: SellerApiRateLimit = { limit: 120, windowSeconds: 60 };

export function hitApiKeyRateLimit(keyId: string, { limit, windowSeconds }: SellerApiRateLimit = DEFAULT_SELLER_API_RATE_LIMIT, now = new Date()): Promise<RateLimitState> {
  return hitRateLimit({ key: `seller-api:key:${keyId}`, limit, windowSeconds }, now);
}
