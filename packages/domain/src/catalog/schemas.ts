import { z } from "zod";

export const productListInput = z.object({
  sort: z.enum(["popular", "newest"]).default("popular"),
  limit: z.number().int().min(1).max(60).default(24),
});
export type ProductListInput = z.input<typeof productListInput>;

export const productSlugInput = z.object({
  slug: z.string().trim().min(1, "Choose a product").max(200, "That product address is too long"),
});
export type ProductSlugInput = z.input<typeof productSlugInput>;

export const productsByIdsInput = z.object({
  /** In the order to show them (a device's recently viewed list, newest first). */
  ids: z.array(z.uuid("Unknown product")).max(100, "Ask for at most 100 products at once"),
});
export type ProductsByIdsInput = z.input<typeof productsByIdsInput>;
