// Who is changing a shop's catalogue. The portal passes the signed-in user and the shop chosen in
// the portal (membership is checked here); the REST API and the CSV import pass a seller id their
// own authentication already tied to the caller. A product of another shop is NOT_FOUND, exactly
// like one that does not exist.
import { AppError } from "../errors.ts";
import { requireShopMember } from "../seller-dashboard/shop-access.ts";

export type ListingAccess = { userId: string; sellerId: string } | { sellerId: string };

export const PRODUCT_NOT_FOUND = "We could not find this product in your shop.";

/** The shop the caller may work on (throws NOT_FOUND when the user is not a member). */
export async function resolveSellerId(access: ListingAccess): Promise<string> {
  if ("userId" in access) await requireShopMember(access.userId, access.sellerId);
  return access.sellerId;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id is a product that does not exist, not a database error. */
export function assertProductId(productId: string): void {
  if (!UUID.test(productId)) throw new AppError("NOT_FOUND", PRODUCT_NOT_FOUND);
}
