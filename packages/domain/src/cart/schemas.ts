import { z } from "zod";

/** Most units of one variant a cart may hold. */
export const MAX_LINE_QUANTITY = 99;
/** Most changes one sync call replays (a device journal is compacted to one per variant). */
export const MAX_SYNC_OPERATIONS = 100;

export const addToCartInput = z.object({
  variantId: z.uuid("Choose a size and colour first"),
  quantity: z
    .number({ error: "Enter a quantity" })
    .int("Enter a whole number")
    .min(1, "Add at least one")
    .max(MAX_LINE_QUANTITY, `You can add at most ${MAX_LINE_QUANTITY} at once`)
    .default(1),
});
export type AddToCartInput = z.input<typeof addToCartInput>;

/** A quantity a line is set to: a whole number 0..99, where 0 removes the line. */
const lineQuantity = z
  .number({ error: "Enter a quantity" })
  .int("Enter a whole number")
  .min(0, "Enter 0 or more")
  .max(MAX_LINE_QUANTITY, `You can have at most ${MAX_LINE_QUANTITY} of one item`);

const lineId = z.uuid("This item is no longer in your cart");

export const setCartLineQuantityInput = z.object({ lineId, quantity: lineQuantity });
export type SetCartLineQuantityInput = z.input<typeof setCartLineQuantityInput>;

export const removeCartLineInput = z.object({ lineId });
export type RemoveCartLineInput = z.input<typeof removeCartLineInput>;

/**
 * Changes a device recorded while the server could not be reached, replayed as "the cart holds
 * N of this variant" (0: none). Setting, unlike adding, gives the same cart however often the
 * same changes arrive, so a replay whose answer was lost can simply be sent again.
 */
export const syncCartInput = z.object({
  operations: z
    .array(z.object({ variantId: z.uuid("Unknown item"), quantity: lineQuantity }))
    .min(1, "Nothing to save")
    .max(MAX_SYNC_OPERATIONS, `At most ${MAX_SYNC_OPERATIONS} changes at once`),
});
export type SyncCartInput = z.input<typeof syncCartInput>;

/** Whose cart: a signed-in shopper's, or a guest's known by the token in their cookie. */
export type CartOwner = { userId: string } | { guestToken: string };
