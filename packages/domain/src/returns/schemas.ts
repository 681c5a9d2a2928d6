// Return input schemas, shared by the storefront's and the portal's forms, the tRPC procedures
// and the domain functions.
import { z } from "zod";
import { orderNumberInput } from "../orders/schemas.ts";

/** Days from delivery during which the shopper may ask to return an item. */
export const RETURN_WINDOW_DAYS = 14;

export const RETURN_STATUSES = ["REQUESTED", "ACCEPTED", "REJECTED", "REFUNDED"] as const;

const reasonText = (what: string) =>
  z
    .string({ error: `Tell us ${what}` })
    .trim()
    .min(3, `Tell us ${what} (at least 3 characters)`)
    .max(500, "Keep the reason under 500 characters");

export const requestReturnInput = z.object({
  orderLineId: z.uuid("Choose the item you are returning"),
  quantity: z
    .number({ error: "Enter how many you are returning" })
    .int("Enter a whole number")
    .min(1, "Return at least one")
    .max(999, "That is more than you bought"),
  reason: reasonText("why you are returning it"),
});
export type RequestReturnInput = z.input<typeof requestReturnInput>;

export const listMyReturnsInput = z.object({
  cursor: z.uuid().nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type ListMyReturnsInput = z.input<typeof listMyReturnsInput>;

export const orderReturnsInput = orderNumberInput;
export type OrderReturnsInput = z.input<typeof orderReturnsInput>;

export const listSellerReturnsInput = z.object({
  status: z.enum(RETURN_STATUSES).optional(),
  cursor: z.uuid().nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListSellerReturnsInput = z.input<typeof listSellerReturnsInput>;

export const returnIdInput = z.object({ id: z.uuid("Unknown return") });
export type ReturnIdInput = z.input<typeof returnIdInput>;

export const rejectReturnInput = returnIdInput.extend({ reason: reasonText("why the return is rejected") });
export type RejectReturnInput = z.input<typeof rejectReturnInput>;
