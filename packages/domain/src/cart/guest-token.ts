// A guest's cart is found by a random token kept in an HttpOnly cookie: 32 random bytes,
// base64url (43 characters), so it cannot be guessed.
import { randomBytes } from "node:crypto";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newGuestCartToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Cookies come from the client: anything else is ignored rather than looked up. */
export function isGuestCartToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN.test(value);
}
