// Stripe-looking identifiers: a prefix and random base62 characters (pi_3Mtw…, evt_1N…).
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function randomToken(length: number): string {
  // 248 is the largest multiple of 62 below 256: rejecting larger bytes keeps every letter equally likely.
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export const newSandboxId = (prefix: "pi" | "ch" | "pm" | "re" | "evt" | "req") => `${prefix}_${randomToken(24)}`;

/** Unix seconds, as Stripe writes times. */
export const unixSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
