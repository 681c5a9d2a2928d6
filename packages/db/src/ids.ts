// Row ids made in the application, as Prisma's @default(uuid(7)) makes them, for rows written with
// SQL of our own: UUIDv7 (RFC 9562), a millisecond timestamp then random bits, so new rows land at
// the end of their primary-key index as Prisma's do.
import { randomBytes } from "node:crypto";

export function newRowId(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
