import { z } from "zod";

/** Most units of one variant a cart may hold. */
export const MAX_LINE_QUANTITY = 99;

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

/** Whose cart: a signed-in shopper's, or a guest's known by the token in their cookie. */
export type CartOwner = { userId: string } | { guestToken: string };
