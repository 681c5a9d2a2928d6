// Inputs of the seller's order list and detail, shared by the portal and the Seller API.
import { FulfilmentStatus, SellerOrderStatus } from "@market/db";
import { z } from "zod";

export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

const day = z.iso.date("Enter a date as YYYY-MM-DD");

export const listSellerOrderPartsInput = z
  .object({
    /** One of the user's shops; all of them when absent. */
    sellerId: z.uuid("Unknown shop").optional(),
    sellerStatus: z.enum(SellerOrderStatus, "Unknown order status").optional(),
    status: z.enum(FulfilmentStatus, "Unknown delivery status").optional(),
    /** Order dates, inclusive, as UTC days. */
    from: day.optional(),
    to: day.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .superRefine((input, ctx) => {
    if (!input.from || !input.to) return;
    const days = (Date.parse(input.to) - Date.parse(input.from)) / DAY_MS + 1;
    if (days < 1) ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must be on or after the start date." });
    else if (days > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `Choose a range of at most ${MAX_RANGE_DAYS} days.` });
  });
export type ListSellerOrderPartsInput = z.input<typeof listSellerOrderPartsInput>;

export const sellerOrderPartInput = z.object({ orderPartId: z.uuid("Unknown order") });
export type SellerOrderPartInput = z.input<typeof sellerOrderPartInput>;

/** Start of `from`'s day and start of the day after `to`, for a half-open range. */
export function dayRange(from?: string, to?: string): { gte?: Date; lt?: Date } {
  return {
    ...(from ? { gte: new Date(`${from}T00:00:00.000Z`) } : {}),
    ...(to ? { lt: new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS) } : {}),
  };
}
