import { AppError } from "../errors.ts";
import { isGuestCartToken } from "./guest-token.ts";
import type { CartOwner } from "./schemas.ts";

/** The unique key of the owner's cart, for where clauses and upserts. */
export function cartKey(owner: CartOwner): { userId: string } | { guestToken: string } {
  if ("userId" in owner) return { userId: owner.userId };
  if (!isGuestCartToken(owner.guestToken)) throw new AppError("BAD_REQUEST", "Your cart could not be found. Please reload the page.");
  return { guestToken: owner.guestToken };
}
