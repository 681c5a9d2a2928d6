import { randomInt } from "node:crypto";

// Crockford's base32 without I, L, O, U: easy to read out over the phone.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "M-261124-7K3Q9D": the date the order was placed and 30 random bits (a billion per day). */
export function newOrderNumber(now = new Date()): string {
  const date = now.toISOString().slice(2, 10).replaceAll("-", "");
  let suffix = "";
  for (let i = 0; i < 6; i++) suffix += ALPHABET[randomInt(ALPHABET.length)];
  return `M-${date}-${suffix}`;
}
