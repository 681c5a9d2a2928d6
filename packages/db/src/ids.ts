// Row ids made in the application, as Prisma's @default(uuid(7)) makes them, for rows written with
// SQL of our own: UUIDv7 (RFC 9562), a millisecond timestamp then random bits, so new rows land at
// the end of their primary-key index as Prisma's do.
import { randomUUID } from "node:crypto";

/**
 * Built from a v4 UUID (Node draws those from a buffered pool of randomness, where a 16-byte
 * randomBytes call each time showed up in profiles): the first 48 bits become the time, the
 * version nibble 7; the variant bits are the same in both versions.
 */
export function newRowId(now = Date.now()): string {
  const random = randomUUID();
  const time = now.toString(16).padStart(12, "0");
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}
